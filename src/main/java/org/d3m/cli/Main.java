package org.d3m.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.d3m.core.io.Provenance;
import org.d3m.core.progress.Progress;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.Commands;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.bridge.HeadlessMacro;
import org.d3m.ij.ParamText;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * The headless launcher behind {@code ./d3m}:
 * <pre>
 *   d3m list                      the commands
 *   d3m help COMMAND              its keys: type, default, description
 *   d3m COMMAND key=value ...     run it; String outputs go to stdout, progress to stderr
 *   d3m macro FILE.ijm [ARG ...]  run an ImageJ macro headless (recorded run("...") lines included)
 * </pre>
 * Keys are the command's {@code @Parameter} field names, the same keys an ImageJ macro uses.
 * Any failure prints ONE line {@code error: ...} on stderr and exits 1 (2 for a usage error);
 * {@code -Dd3m.debug=true} adds the stack trace. No window is ever opened. SIGINT and SIGTERM stop
 * train, make-dataset, emulate, reproduce-table, validate-range and demo at their next step boundary
 * ({@link StopSignals}): one line such as "stopped at step 12; resume with the same command", exit
 * status 130 (SIGINT) or 143 (SIGTERM).
 */
public final class Main {

    private Main() {
    }

    /** Entry point; the only place that calls System.exit. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        boolean verbose = args.length > 0 && args[0].equals("--verbose");
        if (!verbose) {
            quietLibraries();
        }
        StopSignals.install(System.err);
        System.exit(run(verbose ? Arrays.copyOfRange(args, 1, args.length) : args, System.out, System.err));
    }

    /**
     * Hides DJL's log lines below ERROR (on a CPU machine it warns twice that it found no GPU, and
     * reports its thread counts), and prints java.util.logging records on one line without a date,
     * unless the user set them: {@code --verbose} (or
     * {@code -Dorg.slf4j.simpleLogger.log.ai.djl=info}) shows them. Must run before DJL logs anything.
     */
    static void quietLibraries() {
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n"); // one line, no date
        }
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 error, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        Context context = null;
        try {
            String first = args[0];
            if (first.equals("-h") || first.equals("--help") || (first.equals("help") && args.length == 1)) {
                out.print(usage());
                return 0;
            }
            if (first.equals("--version") || first.equals("version")) {
                out.println("D3M for Fiji " + Provenance.version());
                return 0;
            }
            if (first.equals("macro")) {
                if (args.length < 2) {
                    err.println("error: usage: d3m macro FILE.ijm [ARG ...] (the ARGs, joined by spaces, are getArgument())");
                    return 2;
                }
                return HeadlessMacro.run(Path.of(args[1]), String.join(" ", Arrays.asList(args).subList(2, args.length)), err);
            }
            context = new Context(CommandService.class);
            if (first.equals("list")) {
                out.print(list(context));
                return 0;
            }
            if (first.equals("help")) {
                out.print(help(Commands.byName(context, args[1])));
                return 0;
            }
            CommandInfo info = Commands.byName(context, first);
            Map<String, Object> values = Commands.parseKeyValues(info, Arrays.asList(args).subList(1, args.length));
            StopSignals.running(first);
            CommandProgress.set(StopSignals.stoppable(CommandProgress.lines(err)));
            Module module = Commands.run(context, info, values);
            for (ModuleItem<?> item : info.outputs()) {
                Object v = module.getOutput(item.getName());
                if (item.getType() == String.class && v != null) {
                    out.println(v);
                }
            }
            out.flush();
            return 0;
        } catch (Progress.CancelledException c) {
            if (!StopSignals.requested()) {
                err.println("error: " + Commands.errorLine(c));
                return 1;
            }
            err.println(c instanceof Progress.StoppedException ? c.getMessage()
                    : "stopped (" + StopSignals.signalName() + "); nothing more was written");
            return StopSignals.exitCode();
        } catch (Throwable t) {
            err.println("error: " + Commands.errorLine(t));
            if (Boolean.getBoolean("d3m.debug")) {
                t.printStackTrace(err);
            }
            return 1;
        } finally {
            CommandProgress.set(null);
            if (context != null) {
                context.dispose();
            }
        }
    }

    /** The usage text. */
    public static String usage() {
        return """
                usage: d3m list                      list the commands
                       d3m help COMMAND              keys, types, defaults and descriptions
                       d3m COMMAND key=value ...     run a command headless
                       d3m macro FILE.ijm [ARG ...]  run an ImageJ macro headless (recorded run() lines too)
                       d3m imagej                    start ImageJ 1 with the plugin (needs a display)
                keys are the command's parameter names, the same as in ImageJ macros;
                -Dd3m.debug=true (JAVA_OPTS) prints stack traces; d3m --verbose ... shows DJL's and PyTorch's log lines.
                """;
    }

    /** One line per command: name, menu title, menu path. */
    public static String list(Context context) {
        List<CommandInfo> all = Commands.all(context);
        int w = all.stream().mapToInt(c -> Commands.name(c).length()).max().orElse(4);
        StringBuilder sb = new StringBuilder();
        if (all.isEmpty()) {
            sb.append("no D3M commands found on the class path\n");
        }
        for (CommandInfo c : all) {
            String desc = c.getDescription() == null || c.getDescription().isEmpty() ? Commands.title(c) : c.getDescription();
            sb.append(String.format("%-" + w + "s  %s%n", Commands.name(c), desc));
        }
        return sb.toString();
    }

    /** The help text of one command: its keys with type, default (or "required") and description. */
    public static String help(CommandInfo info) {
        StringBuilder sb = new StringBuilder();
        sb.append(Commands.name(info)).append(" - ").append(Commands.title(info));
        if (info.getMenuPath() != null && !info.getMenuPath().isEmpty()) {
            sb.append("  (ImageJ: ").append(info.getMenuPath().getMenuString()).append(')');
        }
        sb.append('\n');
        if (info.getDescription() != null && !info.getDescription().isEmpty()) {
            sb.append(info.getDescription()).append('\n');
        }
        sb.append("usage: d3m ").append(Commands.name(info)).append(" key=value ...\n");
        Map<String, Object> defaults = Commands.defaults(info);
        List<ModuleItem<?>> inputs = Commands.userInputs(info);
        int w = inputs.stream().mapToInt(i -> i.getName().length()).max().orElse(3);
        sb.append("keys:\n");
        for (ModuleItem<?> item : inputs) {
            Object d = defaults.get(item.getName());
            String def = Commands.mandatory(item, d) ? "required" : d == null ? "optional" : "default " + ParamText.format(d);
            StringBuilder line = new StringBuilder(String.format("  %-" + w + "s  %-7s  %-20s", item.getName(),
                    Commands.typeWord(item), def));
            if (item.getDescription() != null && !item.getDescription().isEmpty()) {
                line.append("  ").append(item.getDescription());
            }
            List<String> choices = ParamText.choices(item);
            if (!choices.isEmpty()) {
                line.append("  (one of: ").append(String.join(", ", choices)).append(')');
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        StringBuilder outs = new StringBuilder();
        for (ModuleItem<?> item : info.outputs()) {
            if (FieldImgs.isImg(item)) {
                continue; // ImgLib2 views of the image outputs, for scripts
            }
            outs.append(outs.length() > 0 ? ", " : "").append(item.getName())
                    .append(item.getType() == String.class ? " (printed)" : " (ImageJ only)");
        }
        if (outs.length() > 0) {
            sb.append("outputs: ").append(outs).append('\n');
        }
        return sb.toString();
    }
}
