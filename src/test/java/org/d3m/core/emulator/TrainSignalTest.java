package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT during {@code d3m train} and {@code d3m make-dataset} (issue 24, item 1): the
 * command line's JVM runs as a child process and gets the signal after its first step. It must stop at
 * a step boundary with one line and exit status 143 (SIGTERM) or 130 (SIGINT), leave no
 * {@code hs_err_pid*.log}, and leave a checkpoint from which the same command resumes to the weights of
 * an uninterrupted run, bit for bit. The 10 + 10 signal loop of the issue is
 * {@code scripts/checks/train_signals.sh}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES) // a bound against a hung child, not a timing: a few seconds on an idle machine
class TrainSignalTest {

    private static final Pattern STOPPED = Pattern.compile("stopped at step (\\d+); resume with the same command");
    private static final int EPOCHS = 6;

    @TempDir
    Path tmp;

    @Test
    void trainStopsAtAStepBoundaryOnSigtermAndSigintAndResumesToTheUninterruptedWeights() throws Exception {
        Path data = tmp.resolve("data");
        DatasetBuilder.build(data, 20, 500, TestSources.smoothing(16, 64.0), Progress.NONE); // 16 train: 4 steps an epoch
        Path out = tmp.resolve("model");
        List<String> args = List.of("train", "dataset=" + data, "output_dir=" + out, "width=4", "batch=4",
                "epochs=" + EPOCHS, "learning_rate=1e-3", "seed=11", "threads=2", "device=cpu", "checkpoint_minutes=0");
        long last = 0;
        for (String signal : new String[] {"TERM", intIgnored() ? "TERM" : "INT"}) {
            Run r = runAndSignal(args, "/4 loss", signal); // a step of this run, not the resume line
            assertEquals(signal.equals("INT") ? 130 : 143, r.code, r.output);
            Matcher m = STOPPED.matcher(r.only("stopped"));
            assertTrue(m.matches(), r.output);
            long step = Long.parseLong(m.group(1));
            assertTrue(step > last && step < 4L * EPOCHS, "stopped at step " + step + " after " + last);
            last = step;
            assertFalse(r.output.contains("\nerror:"), r.output);
            assertTrue(Files.isRegularFile(out.resolve(Trainer.CHECKPOINT)));
            assertFalse(Files.exists(out.resolve(Trainer.FINAL)));
            assertNoCrashLog();
        }
        Trainer.Config c = TrainerTest.config().withEpochs(EPOCHS);
        Trainer.Result resumed = Trainer.train(data, out, c, Progress.NONE);
        assertTrue(resumed.resumed());
        Trainer.Result whole = Trainer.train(data, tmp.resolve("whole"), c, Progress.NONE);
        float[][] a = TrainerTest.params(whole.finalWeights());
        float[][] b = TrainerTest.params(resumed.finalWeights());
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0f, "parameter " + i);
        }
        assertEquals(whole.bestValLoss(), resumed.bestValLoss(), 0);
    }

    @Test
    void makeDatasetStopsBetweenSamplesOnSigtermAndKeepsThoseMade() throws Exception {
        Path out = tmp.resolve("dataset");
        List<String> args = List.of("make-dataset", "output_dir=" + out, "box_size=64", "grid=8", "samples=200",
                "steps=2", "threads=1");
        Run r = runAndSignal(args, "written", "TERM");
        assertEquals(143, r.code, r.output);
        Matcher m = Pattern.compile("stopped with (\\d+) of 200 samples made; resume with the same command")
                .matcher(r.only("stopped"));
        assertTrue(m.matches(), r.output);
        int made = Integer.parseInt(m.group(1));
        assertTrue(made >= 1 && made < 200, r.output);
        assertFalse(Files.exists(out.resolve(Dataset.INDEX)));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(made, s.filter(p -> p.getFileName().toString().endsWith(".d3ms")).count());
        }
        assertNoCrashLog();
    }

    /** What a child run printed (stdout and stderr, with the engine's log lines) and its exit status. */
    record Run(int code, String output) {
        /** The one line that starts with {@code start}; "" when there is none or several. */
        String only(String start) {
            List<String> l = output.lines().filter(x -> x.startsWith(start)).toList();
            return l.size() == 1 ? l.get(0) : "";
        }
    }

    /** Runs the CLI in a child JVM and sends it SIG{@code signal} once a line containing {@code after} appears. */
    private Run runAndSignal(List<String> args, String after, String signal) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.d3m.cli.Main"));
        cmd.addAll(args);
        Process child = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        boolean sent = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                if (!sent && line.contains(after)) {
                    // kill(1), not Process.destroy(): that sends SIGTERM too, but closes the child's output here
                    new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start().waitFor();
                    sent = true;
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertTrue(sent, "never saw '" + after + "':\n" + output);
        return new Run(child.exitValue(), output.toString());
    }

    private void assertNoCrashLog() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("hs_err")), "a JVM crash log in " + tmp);
        }
    }

    /**
     * True when this JVM ignores SIGINT (started in the background by a shell without job control); a
     * child then ignores it too, and only SIGTERM can be sent.
     */
    static boolean intIgnored() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("SigIgn:")) {
                    return (Long.parseLong(l.substring(7).strip(), 16) & 2L) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: send SIGINT and see
        }
        return false;
    }
}
