package org.d3m.ij.bridge;

import java.awt.HeadlessException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import ij.CommandListener;
import ij.Executer;
import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.plugin.filter.ExtendedPlugInFilter;
import ij.plugin.filter.PlugInFilter;
import ij.plugin.filter.PlugInFilterRunner;
import ij.process.ImageProcessor;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.Commands;

/**
 * {@code ./d3m macro FILE.ijm [args]}: runs an ImageJ macro, recorded {@code run("Simulate FastPM...", "...")}
 * lines included, in a headless JVM, with plain ImageJ 1.
 *
 * <p>ImageJ 1 cannot do this by itself: {@code IJ.run} first builds the AWT menu bar to get its
 * command table, and AWT refuses in a headless JVM. The runner, least invasively:
 * <ol>
 *   <li>gives ImageJ its command table without menus: {@link Ij1Commands#builtIn()} plus the
 *   {@code plugins.config} of the jars on the class path (D3M's), set into {@code Menus}' table
 *   (a private field, set by reflection; {@code IJ.run} builds menus only when it is null);</li>
 *   <li>D3M commands read their macro options themselves ({@link CommandBridge}: no dialog);</li>
 *   <li>ImageJ's own commands run as in ImageJ, through a command listener that catches those
 *   needing a dialog (a headless JVM cannot make one; ImageJ would throw or, for filters, quietly
 *   use the default values) and stops the macro with an error naming the command. Process &gt;
 *   Math's value commands (Add... etc.) are run by {@link HeadlessMath};</li>
 *   <li>progress goes to stderr, errors are one line {@code error: ...} on stderr, and the exit
 *   code is 1 when a command failed, the macro stopped on an error, or ImageJ reported an error
 *   it let the macro go on after (IJ.error: {@code open()} of a missing file).</li>
 * </ol>
 * Macro functions that need no window (newImage, saveAs, open, close, print, File.*, getPixel ...)
 * work unchanged; those that open one (waitForUser, getNumber, Dialog.*) stop the macro.
 */
public final class HeadlessMacro {

    private HeadlessMacro() {
    }

    /**
     * Runs the macro in {@code file} with {@code argument} ({@code getArgument()}); macro output
     * ({@code print}) goes to stdout. Returns the exit code: 0, or 1 after an error.
     */
    public static int run(Path file, String argument, PrintStream err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("error: cannot read macro " + file + ": " + e.getMessage());
            return 1;
        }
        return runText(text, argument, err, Map.of());
    }

    /** {@link #run(Path, String, PrintStream)} on macro text, with extra commands (label → plugin class; tests). */
    static synchronized int runText(String macro, String argument, PrintStream err, Map<String, String> extra) {
        Map<String, String> table = commandTable();
        table.putAll(extra);
        installTable(table);
        List<String> errors = new ArrayList<>();
        Guard guard = new Guard(table, line -> {
            errors.add(line);
            err.println(line);
        });
        Executer.addCommandListener(guard);
        CommandBridge.setErrorSink(guard.report);
        CommandProgress.set(CommandProgress.lines(err));
        Interpreter interp = new Interpreter();
        IJ.getErrorMessage(); // forget an error of an earlier run in this JVM
        try {
            interp.run(macro, argument == null ? "" : argument);
        } catch (Throwable t) {
            CommandBridge.abortMacro(interp);
            if (!(t instanceof RuntimeException && Macro.MACRO_CANCELED.equals(t.getMessage())) || errors.isEmpty()) {
                String why = interp.getErrorMessage() != null ? interp.getErrorMessage()
                        : t instanceof HeadlessException ? "this macro function opens a dialog, which a headless JVM cannot show"
                        : Macro.MACRO_CANCELED.equals(t.getMessage()) ? null : Commands.errorLine(t);
                if (why != null) {
                    guard.report.accept("error: macro line " + lineNumber(interp) + ": " + why);
                }
            }
        } finally {
            Executer.removeCommandListener(guard);
            CommandBridge.setErrorSink(null);
            CommandProgress.set(null);
            closeBatchImages();
        }
        if (interp.wasError() && errors.isEmpty()) {
            err.println("error: macro line " + lineNumber(interp) + ": " + interp.getErrorMessage());
            return 1;
        }
        String late = imageJError();
        if (late != null && errors.isEmpty()) {
            err.println("error: ImageJ: " + late);
            return 1;
        }
        return errors.isEmpty() ? 0 : 1;
    }

    /**
     * The line of the macro's error: the line ImageJ's own "Macro Error" dialog names (the
     * interpreter's {@code lineNumber}, set when the error was raised; a private field, read by
     * reflection), else the line of the current token, which by the time the run has unwound may
     * already be the next statement's.
     */
    private static String lineNumber(Interpreter interp) {
        if (interp.getErrorMessage() != null) {
            try {
                Field f = Interpreter.class.getDeclaredField("lineNumber");
                f.setAccessible(true);
                int n = f.getInt(interp);
                if (n > 0) {
                    return Integer.toString(n);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back to the current token's line
            }
        }
        try {
            return Integer.toString(interp.getLineNumber());
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /**
     * An error ImageJ reported without stopping the macro (IJ.error, e.g. open() of a missing
     * file prints "File not found" and goes on): its message on one line, or null when none.
     */
    private static String imageJError() {
        String m = IJ.getErrorMessage();
        return m == null || m.isBlank() ? null : m.strip().replaceAll("\\s*\n\\s*", " ");
    }

    /** Frees the images of the finished macro (an in-process run must not leave them to the next). */
    private static void closeBatchImages() {
        for (int id : Interpreter.getBatchModeImageIDs()) {
            ImagePlus imp = WindowManager.getImage(id);
            if (imp != null) {
                Interpreter.removeBatchModeImage(imp);
            }
        }
        Interpreter.batchMode = false;
        WindowManager.setTempCurrentImage(null);
    }

    /** ImageJ's built-in commands and those of every plugins.config on the class path (D3M's). */
    static Map<String, String> commandTable() {
        Map<String, String> table = Ij1Commands.builtIn();
        try {
            Enumeration<URL> configs = HeadlessMacro.class.getClassLoader().getResources("plugins.config");
            while (configs.hasMoreElements()) {
                try (var in = configs.nextElement().openStream()) {
                    table.putAll(Ij1Commands.fromPluginsConfig(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read plugins.config: " + e.getMessage(), e);
        }
        return table;
    }

    /** Puts {@code table} into ImageJ's {@code Menus} command table, so that IJ.run builds no menus. */
    static void installTable(Map<String, String> table) {
        try {
            Field f = Menus.class.getDeclaredField("pluginsTable");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Hashtable<String, String> current = (Hashtable<String, String>) f.get(null);
            if (current == null) {
                f.set(null, new Hashtable<>(table));
            } else {
                current.putAll(table);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this ImageJ " + IJ.getFullVersion()
                    + " has no Menus.pluginsTable to give commands to: " + e, e);
        }
    }

    /**
     * Runs every {@code run("...")} of the macro: D3M commands go on to ImageJ (the bridge reads
     * its options); ImageJ's commands run here, guarded against dialogs; unknown ones are errors.
     */
    static final class Guard implements CommandListener {
        private final Map<String, String> table;
        final java.util.function.Consumer<String> report;

        Guard(Map<String, String> table, java.util.function.Consumer<String> report) {
            this.table = table;
            this.report = report;
        }

        @Override
        public String commandExecuting(String command) {
            String cls = table.get(command);
            if (cls == null) {
                return stop("error: run(\"" + command + "\"): unrecognized command");
            }
            if (cls.startsWith(Commands.PACKAGE_PREFIX)) {
                return command;
            }
            try {
                if (HeadlessMath.handles(cls)) {
                    HeadlessMath.run(command, cls);
                } else {
                    runBuiltIn(command, cls);
                }
            } catch (HeadlessException e) {
                Interpreter interp = Interpreter.getInstance();
                String message = interp != null && interp.getErrorMessage() != null ? interp.getErrorMessage()
                        : "this ImageJ command opens a dialog, which a headless JVM cannot show (run the macro under"
                        + " a display, e.g. xvfb-run, or use a D3M command or a macro function instead)";
                return stop("error: run(\"" + command + "\"): " + message);
            } catch (IllegalArgumentException e) {
                return stop("error: run(\"" + command + "\"): " + e.getMessage());
            }
            return null; // done here
        }

        private String stop(String line) {
            report.accept(line);
            throw new RuntimeException(Macro.MACRO_CANCELED);
        }

        private static void runBuiltIn(String command, String cls) {
            String className = cls;
            String arg = "";
            int open = cls.indexOf("(\"");
            if (open > 0 && cls.endsWith("\")")) {
                className = cls.substring(0, open);
                arg = cls.substring(open + 2, cls.length() - 2);
            }
            Object plugin;
            try {
                plugin = Class.forName(className, true, IJ.getClassLoader()).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalArgumentException("cannot load " + className + ": " + e);
            }
            if (plugin instanceof ExtendedPlugInFilter f) {
                DialogCheck check = new DialogCheck(f);
                new PlugInFilterRunner(check, command, arg);
                if (check.failure != null) {
                    throw check.failure;
                }
            } else if (plugin instanceof PlugIn p) {
                p.run(arg);
            } else if (plugin instanceof PlugInFilter) {
                new PlugInFilterRunner(plugin, command, arg);
            } else {
                throw new IllegalArgumentException(className + " is not an ImageJ plugin");
            }
        }
    }

    /**
     * An ExtendedPlugInFilter whose dialog step fails loudly: PlugInFilterRunner swallows
     * exceptions from showDialog and then runs the filter with its defaults.
     */
    private static final class DialogCheck implements ExtendedPlugInFilter {
        private final ExtendedPlugInFilter filter;
        HeadlessException failure;

        DialogCheck(ExtendedPlugInFilter filter) {
            this.filter = filter;
        }

        @Override
        public int setup(String arg, ImagePlus imp) {
            return filter.setup(arg, imp);
        }

        @Override
        public int showDialog(ImagePlus imp, String command, PlugInFilterRunner pfr) {
            try {
                return filter.showDialog(imp, command, pfr);
            } catch (HeadlessException e) {
                failure = e;
                return DONE;
            }
        }

        @Override
        public void setNPasses(int nPasses) {
            filter.setNPasses(nPasses);
        }

        @Override
        public void run(ImageProcessor ip) {
            filter.run(ip);
        }
    }
}
