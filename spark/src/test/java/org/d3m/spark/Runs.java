package org.d3m.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the Spark jobs' and the plugin's launchers in this JVM and captures what they print. */
final class Runs {

    /** The small setup of the tests: 16^3 particles in 64 Mpc/h, FastPM in 2 steps. */
    static final List<String> SMALL = List.of("grid=16", "box_size=64", "steps=2");

    record Result(int code, String out, String err) {
    }

    private Runs() {
    }

    static Result spark(String... args) {
        return capture(args, true);
    }

    static Result cli(String... args) {
        return capture(args, false);
    }

    /** SMALL, then the given keys. */
    static String[] args(String job, String... keys) {
        List<String> a = new ArrayList<>();
        a.add(job);
        a.addAll(SMALL);
        a.addAll(List.of(keys));
        return a.toArray(String[]::new);
    }

    private static Result capture(String[] args, boolean spark) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(o, true, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            int code = spark ? Main.run(args, out, err) : org.d3m.cli.Main.run(args, out, err);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        }
    }

    /** Every file under {@code dir} (relative path, sorted), with its bytes. */
    static TreeMap<String, byte[]> files(Path dir) {
        TreeMap<String, byte[]> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return m;
    }
}
