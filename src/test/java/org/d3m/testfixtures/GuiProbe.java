package org.d3m.testfixtures;

import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Label;
import java.awt.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.WindowManager;
import ij.plugin.frame.Recorder;

/** Test fixture for GUI tests: reads ImageJ 1 state that macros cannot reach directly. */
public final class GuiProbe {

    private GuiProbe() {
    }

    /** The Macro Recorder's text ("" when it is not open); called from a macro with call(). */
    public static String recorderText() {
        Recorder r = Recorder.getInstance();
        return r == null ? "" : r.getText();
    }

    /** The last message of IJ.error (an interactive error box), or "" (reading clears it). */
    public static String errorMessage() {
        String m = IJ.getErrorMessage();
        return m == null ? "" : m;
    }

    /** The text of a tooltip window shown now (an undecorated window with one Label), or "". */
    public static String tooltipText() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && !(w instanceof Frame) && !(w instanceof Dialog) && w.getComponentCount() == 1
                    && w.getComponent(0) instanceof Label l) {
                return l.getText();
            }
        }
        return "";
    }

    /**
     * Watches a menu command run in its own thread (named after the command, as ImageJ's
     * Executer names it) from a Java thread, which Esc cannot abort as it aborts macros: writes
     * {@code marker} once the command's dialog has opened and closed while its thread runs, and
     * when the thread has finished writes
     * {@code result}: the Log, the number of open images and of recorded lines naming the command.
     */
    public static String watchRun(String command, String dialogTitle, String marker, String result) {
        Thread t = new Thread(() -> {
            try {
                long end = System.currentTimeMillis() + 120_000;
                while (!showing(dialogTitle) && System.currentTimeMillis() < end) {
                    Thread.sleep(20); // the dialog opens ...
                }
                Thread run = null;
                while (System.currentTimeMillis() < end) {
                    run = thread(command);
                    if (run != null && !showing(dialogTitle)) {
                        break; // ... and closes with OK: the command runs
                    }
                    Thread.sleep(20);
                }
                write(marker, run == null ? "no run" : "running");
                while (run != null && run.isAlive() && System.currentTimeMillis() < end) {
                    Thread.sleep(20);
                }
                long recorded = recorderText().lines().filter(l -> l.contains("\"" + command + "\"")).count();
                String log = IJ.getLog() == null ? "" : IJ.getLog().replace('\n', '|');
                write(result, "log=" + log + "\nimages=" + WindowManager.getImageCount()
                        + "\nrecorded=" + recorded + "\nalive=" + (run != null && run.isAlive()) + "\n");
            } catch (IOException | InterruptedException e) {
                IJ.log("GuiProbe: " + e);
            }
        }, "GuiProbe watcher");
        t.setDaemon(true);
        t.start();
        return "";
    }

    /**
     * Watches for the dialog titled {@code dialogTitle}; when it shows, writes to {@code result} the
     * selected item and the items of its first choice (a field input's image list), then closes it
     * as the window's close box does (cancel). Returns at once; a daemon thread waits (120 s at most).
     */
    public static String firstChoiceThenCancel(String dialogTitle, String result) {
        Thread t = new Thread(() -> {
            try {
                long end = System.currentTimeMillis() + 120_000;
                Dialog d = null;
                while ((d = dialog(dialogTitle)) == null && System.currentTimeMillis() < end) {
                    Thread.sleep(20);
                }
                if (d == null) {
                    write(result, "selected=(no dialog)\n");
                    return;
                }
                // a GenericDialog adds its components before it shows: the choice is there and selected
                java.awt.Choice c = firstChoice(d);
                StringBuilder items = new StringBuilder();
                for (int i = 0; c != null && i < c.getItemCount(); i++) {
                    items.append(i == 0 ? "" : "|").append(c.getItem(i));
                }
                write(result, "selected=" + (c == null ? "(no choice)" : c.getSelectedItem()) + "\nitems=" + items + "\n");
                Dialog shown = d;
                java.awt.EventQueue.invokeLater(() -> shown.dispatchEvent(
                        new java.awt.event.WindowEvent(shown, java.awt.event.WindowEvent.WINDOW_CLOSING)));
            } catch (IOException | InterruptedException e) {
                IJ.log("GuiProbe: " + e);
            }
        }, "GuiProbe dialog reader");
        t.setDaemon(true);
        t.start();
        return "";
    }

    /**
     * Opens the dialog of every D3M command from its menu entry (as a click does, in its own thread), the
     * mouse resting at the screen's centre where the dialog opens; for each, after 1.2 s, reports one line
     * {@code name=WxH ok=RIGHT,BOTTOM screen=WxH tooltip=TEXT under=COMPONENT} (OK's bottom-right corner on
     * screen, the tooltip shown, the component under the still mouse), saves {@code shots/dialog-NAME.png}
     * and cancels it. Blocking: called from a macro, which waits.
     */
    public static String everyDialog(String shots) throws Exception {
        java.awt.Robot robot = new java.awt.Robot();
        java.awt.Dimension screen = java.awt.Toolkit.getDefaultToolkit().getScreenSize();
        StringBuilder out = new StringBuilder();
        for (org.scijava.command.CommandInfo info : org.d3m.ij.Commands.all(org.d3m.ij.bridge.CommandBridge.context())) {
            if (info.getClassName().startsWith("org.d3m.testfixtures.") || info.getMenuPath() == null) {
                continue;
            }
            String name = org.d3m.ij.Commands.name(info);
            robot.mouseMove(screen.width / 2, screen.height / 2);
            String title = org.d3m.ij.Commands.title(info);
            IJ.doCommand(title);
            Dialog d = waitDialog(org.d3m.ij.Commands.displayTitle(info), 60_000);
            if (d == null) {
                out.append(name).append("=no dialog\n");
                continue;
            }
            Thread.sleep(1200); // past the tooltip delay (500 ms): a tooltip would show now
            String tip = tooltipText();
            java.awt.Point p = java.awt.MouseInfo.getPointerInfo().getLocation();
            java.awt.Component under = javax.swing.SwingUtilities.getDeepestComponentAt(d, p.x - d.getX(), p.y - d.getY());
            java.awt.Button ok = button(d, "OK");
            java.awt.Point okAt = ok.getLocationOnScreen();
            shoot(robot, d, shots + "/dialog-" + name + ".png");
            out.append(name).append('=').append(d.getWidth()).append('x').append(d.getHeight())
                    .append(" ok=").append(okAt.x + ok.getWidth()).append(',').append(okAt.y + ok.getHeight())
                    .append(" screen=").append(screen.width).append('x').append(screen.height)
                    .append(" tooltip=").append(tip)
                    .append(" under=").append(under == null ? "none" : under.getClass().getSimpleName()).append('\n');
            close(d);
            waitEnd(title);
        }
        return out.toString();
    }

    /**
     * Opens {@code menuTitle}'s dialog, chooses "custom…" in its cosmology choice, presses OK, types
     * {@code value} into the {@code key} field of the second dialog (saved as {@code shot}), presses OK there and
     * waits for the run. Returns {@code items=...} (the cosmology choice's items) and {@code recorded=...}
     * (the recorder's lines for the command, '|'-separated). Blocking.
     */
    public static String customCosmology(String menuTitle, String key, String value, String shot) throws Exception {
        String dialogTitle = menuTitle.replace("...", "").trim();
        IJ.doCommand(menuTitle);
        Dialog d = waitDialog(dialogTitle, 60_000);
        java.awt.Choice cosmology = choiceWith(d, "custom\u2026");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < cosmology.getItemCount(); i++) {
            items.append(i == 0 ? "" : "|").append(cosmology.getItem(i));
        }
        java.awt.EventQueue.invokeAndWait(() -> cosmology.select("custom\u2026"));
        press(button(d, "OK"));
        Dialog custom = waitDialog(dialogTitle + ": custom cosmology", 30_000);
        Thread.sleep(300);
        shoot(new java.awt.Robot(), custom, shot);
        java.util.List<java.awt.TextField> fields = new java.util.ArrayList<>();
        collect(custom, java.awt.TextField.class, fields);
        java.awt.TextField f = fields.get(org.d3m.commands.CosmologyPresets.KEYS.indexOf(key));
        String before = f.getText();
        java.awt.EventQueue.invokeAndWait(() -> f.setText(value));
        press(button(custom, "OK"));
        waitEnd(menuTitle);
        String rec = String.join("|", recorderText().lines().filter(l -> l.contains("\"" + menuTitle + "\"")).toList());
        return "items=" + items + "\nbefore=" + before + "\nrecorded=" + rec + "\n";
    }

    /**
     * Opens {@code menuTitle}'s dialog as it comes (the defaults), reads its estimate line, saves it as
     * {@code shot}, types 10 seeds and reads the line again ({@code estimate10=}), types 100 back, presses OK, reads the question of the dialog "TITLE: long run" (saved as {@code shot2}) and
     * cancels it, then waits for the command's thread to end. Returns {@code estimate=}, {@code question=},
     * {@code images_before=}, {@code images=} and {@code recorded_table=} (the recorder's lines for the command). Blocking.
     */
    public static String cancelLongRun(String menuTitle, String shot, String shot2) throws Exception {
        String dialogTitle = menuTitle.replace("...", "").trim();
        java.awt.Robot robot = new java.awt.Robot();
        int before = WindowManager.getImageCount();
        IJ.doCommand(menuTitle);
        Dialog d = waitDialog(dialogTitle, 60_000);
        Thread.sleep(300);
        String estimate = estimateLine(d);
        shoot(robot, d, shot);
        java.awt.TextField seeds = fieldAfter(d, "Number of seeds");
        type(seeds, "10");
        String estimate10 = estimateLine(d);
        type(seeds, "100");
        press(button(d, "OK"));
        Dialog q = waitDialog(dialogTitle + ": long run", 30_000);
        String question = q == null ? "(no question)" : String.join(" / ", texts(q));
        if (q != null) {
            Thread.sleep(300);
            shoot(robot, q, shot2);
            close(q);
        }
        waitEnd(menuTitle);
        long recorded = recorderText().lines().filter(l -> l.contains("\"" + menuTitle + "\"")).count();
        return "estimate=" + estimate.strip() + "\nestimate10=" + estimate10.strip() + "\nquestion=" + question + "\nimages_before=" + before + "\nimages="
                + WindowManager.getImageCount() + "\nrecorded_table=" + recorded + "\n";
    }

    private static String estimateLine(Dialog d) {
        return texts(d).stream().filter(t -> t.startsWith("Estimated time")).findFirst().orElse("(none)");
    }

    /** Types {@code text} into a field as the keyboard does (the field's listeners hear it), then lets them run. */
    private static void type(java.awt.TextField f, String text) throws Exception {
        java.awt.EventQueue.invokeAndWait(() -> {
            f.setText(text);
            f.dispatchEvent(new java.awt.event.TextEvent(f, java.awt.event.TextEvent.TEXT_VALUE_CHANGED));
        });
        java.awt.EventQueue.invokeAndWait(() -> { }); // the listeners' own events have run
    }

    /** The first text field after the label {@code label} in the window's order. */
    private static java.awt.TextField fieldAfter(java.awt.Container c, String label) {
        java.util.List<java.awt.Component> all = new java.util.ArrayList<>();
        collect(c, java.awt.Component.class, all);
        boolean seen = false;
        for (java.awt.Component k : all) {
            seen |= k instanceof Label l && l.getText().equals(label);
            if (seen && k instanceof java.awt.TextField f) {
                return f;
            }
        }
        throw new IllegalStateException("no field after " + label);
    }

    private static Dialog waitDialog(String title, long ms) throws InterruptedException {
        long end = System.currentTimeMillis() + ms;
        Dialog d;
        while ((d = dialog(title)) == null && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return d;
    }

    /** Waits (60 s at most) until the menu command's thread has ended. */
    private static void waitEnd(String command) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (thread(command) != null && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    /** Closes a dialog as its close box does (a GenericDialog: cancel). */
    private static void close(Dialog d) {
        java.awt.EventQueue.invokeLater(() -> d.dispatchEvent(
                new java.awt.event.WindowEvent(d, java.awt.event.WindowEvent.WINDOW_CLOSING)));
    }

    /** Presses a button as a click does. */
    private static void press(java.awt.Button b) {
        java.awt.EventQueue.invokeLater(() -> b.dispatchEvent(
                new java.awt.event.ActionEvent(b, java.awt.event.ActionEvent.ACTION_PERFORMED, b.getActionCommand())));
    }

    /** Saves a window's pixels, after moving it to the screen's top left (without a window manager Java's idea of
     *  where a window is can lag behind the X server's: a window it placed itself is where it says). */
    private static void shoot(java.awt.Robot robot, Window w, String png) throws Exception {
        java.awt.EventQueue.invokeAndWait(() -> w.setLocation(0, 0));
        Thread.sleep(500); // the move and the repaint (no event to wait for)
        java.awt.image.BufferedImage img = robot.createScreenCapture(new java.awt.Rectangle(0, 0, w.getWidth(), w.getHeight()));
        javax.imageio.ImageIO.write(img, "png", new java.io.File(png));
    }

    private static java.awt.Button button(java.awt.Container c, String label) {
        java.util.List<java.awt.Button> all = new java.util.ArrayList<>();
        collect(c, java.awt.Button.class, all);
        return all.stream().filter(b -> b.getLabel().trim().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no button " + label));
    }

    private static java.awt.Choice choiceWith(java.awt.Container c, String item) {
        java.util.List<java.awt.Choice> all = new java.util.ArrayList<>();
        collect(c, java.awt.Choice.class, all);
        for (java.awt.Choice ch : all) {
            for (int i = 0; i < ch.getItemCount(); i++) {
                if (ch.getItem(i).equals(item)) {
                    return ch;
                }
            }
        }
        throw new IllegalStateException("no choice with " + item);
    }

    /** The texts of a window's labels (AWT Labels and ImageJ's MultiLineLabels, line by line). */
    private static java.util.List<String> texts(java.awt.Container c) {
        java.util.List<java.awt.Component> all = new java.util.ArrayList<>();
        collect(c, java.awt.Component.class, all);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (java.awt.Component k : all) {
            if (k instanceof Label l) {
                out.add(l.getText());
            } else if (k instanceof ij.gui.MultiLineLabel m) {
                try {
                    java.lang.reflect.Field f = ij.gui.MultiLineLabel.class.getDeclaredField("lines");
                    f.setAccessible(true);
                    for (String line : (String[]) f.get(m)) {
                        out.add(line);
                    }
                } catch (ReflectiveOperationException e) {
                    out.add("(unreadable)");
                }
            }
        }
        return out;
    }

    private static <T> void collect(java.awt.Container c, Class<T> type, java.util.List<T> out) {
        for (java.awt.Component k : c.getComponents()) {
            if (type.isInstance(k)) {
                out.add(type.cast(k));
            }
            if (k instanceof java.awt.Container inner) {
                collect(inner, type, out);
            }
        }
    }

    private static java.awt.Choice firstChoice(java.awt.Container c) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof java.awt.Choice ch) {
                return ch;
            }
            if (k instanceof java.awt.Container inner) {
                java.awt.Choice f = firstChoice(inner);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static Dialog dialog(String title) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Dialog d && title.equals(d.getTitle())) {
                return d;
            }
        }
        return null;
    }

    /** Writes a file whole (a temporary file renamed), so that a reader never sees it half-written. */
    private static void write(String path, String text) throws IOException {
        Path tmp = Path.of(path + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, Path.of(path), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** "true" while a thread named {@code name} (a menu command's Executer thread) runs. */
    public static String threadAlive(String name) {
        return Boolean.toString(thread(name) != null);
    }

    private static Thread thread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name) && t.isAlive()) {
                return t;
            }
        }
        return null;
    }

    private static boolean showing(String title) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof Dialog d && title.equals(d.getTitle())) {
                return true;
            }
        }
        return false;
    }
}
