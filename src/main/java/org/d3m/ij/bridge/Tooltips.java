package org.d3m.ij.bridge;

import java.awt.Color;
import java.awt.Component;
import java.awt.Label;
import java.awt.Point;
import java.awt.Window;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.SwingUtilities;
import javax.swing.Timer;

import ij.IJ;

/**
 * One-line tooltips for AWT components (GenericDialog fields have none): after the mouse has moved
 * onto a field or its label and rested there for {@value #DELAY_MS} ms, a small window just below that
 * field shows the key's description ({@code @Parameter(description)}); the ImageJ status bar shows it
 * at once. A dialog that opens under a still mouse shows no tooltip (the pointer "entered" a field
 * without moving: the user has not pointed at it), and a tooltip never covers the field it explains.
 */
final class Tooltips {

    static final int DELAY_MS = 500;
    /** Background of the tooltip window (the usual pale yellow). */
    static final Color BACKGROUND = new Color(255, 255, 225);
    private static Window shown;

    private Tooltips() {
    }

    /** Shows {@code text} as the tooltip of every non-null component. */
    static void attach(String text, Component... components) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (Component c : components) {
            if (c != null) {
                Hover h = new Hover(c, text);
                c.addMouseListener(h);
                c.addMouseMotionListener(h);
            }
        }
    }

    /** The text of the tooltip window shown now, or null (for tests). */
    static synchronized String current() {
        if (shown == null || !shown.isShowing()) {
            return null;
        }
        return ((Label) shown.getComponent(0)).getText();
    }

    private static synchronized void show(Component c, String text, Point screen) {
        hide();
        Window owner = SwingUtilities.getWindowAncestor(c);
        if (owner == null || !c.isShowing()) {
            return;
        }
        Window w = new Window(owner);
        Label l = new Label(text);
        l.setBackground(BACKGROUND);
        l.setForeground(Color.black);
        w.add(l);
        w.pack();
        Point top = c.getLocationOnScreen(); // below the field, not over it (nor over the cursor)
        w.setLocation(screen.x + 12, Math.max(screen.y + 18, top.y + c.getHeight() + 2));
        w.setVisible(true);
        shown = w;
    }

    private static synchronized void hide() {
        if (shown != null) {
            shown.dispose();
            shown = null;
        }
    }

    private static final class Hover extends MouseAdapter {
        private final Component component;
        private final String text;
        private Timer timer;

        Hover(Component component, String text) {
            this.component = component;
            this.text = text;
        }

        @Override
        public void mouseEntered(MouseEvent e) {
            IJ.showStatus(text);
        }

        /** The mouse moves on the field: the tooltip shows once it has rested {@value #DELAY_MS} ms. */
        @Override
        public void mouseMoved(MouseEvent e) {
            if (current() != null) {
                return; // already shown for this field
            }
            Point p = e.getLocationOnScreen();
            stop();
            timer = new Timer(DELAY_MS, a -> show(component, text, p));
            timer.setRepeats(false);
            timer.start();
        }

        @Override
        public void mouseExited(MouseEvent e) {
            stop();
            hide();
        }

        @Override
        public void mousePressed(MouseEvent e) {
            stop();
            hide();
        }

        private void stop() {
            if (timer != null) {
                timer.stop();
                timer = null;
            }
        }
    }
}
