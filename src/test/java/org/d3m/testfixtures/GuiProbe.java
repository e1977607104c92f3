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
