package org.d3m.ij.bridge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.d3m.ij.site.PluginsConfigGenerator;

/**
 * Test helper for the *IT tests: a private ImageJ 1 installation under target/ whose plugins/
 * holds the real plugins/D3M_Fiji.jar, a D3M_Test_Fixtures.jar (the fixture commands with a
 * generated plugins.config) and a link to the repo's plugins/jars.
 */
final class IjInstall {

    private IjInstall() {
    }

    static Path root() {
        return Path.of(System.getProperty("d3m.root", ".")).toAbsolutePath();
    }

    static Path ijJar() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("plugins/jars"))) {
            return s.filter(p -> p.getFileName().toString().matches("ij-\\d.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ij-*.jar in plugins/jars: run mvn package first"));
        }
    }

    /** Creates {@code dir}/plugins with the plugin jar, the fixtures jar and plugins/jars. */
    static Path prepare(Path dir) throws IOException {
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        Files.createDirectories(dir.resolve("home"));
        Files.copy(root().resolve("plugins/D3M_Fiji.jar"), plugins.resolve("D3M_Fiji.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path jars = plugins.resolve("jars");
        if (!Files.exists(jars, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(jars, root().resolve("plugins/jars"));
        }
        Path testClasses = root().resolve("target/test-classes");
        String index = Files.readString(testClasses.resolve(PluginsConfigGenerator.INDEX));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("D3M_Test_Fixtures.jar")))) {
            put(jar, "plugins.config", PluginsConfigGenerator.config(index).getBytes());
            put(jar, PluginsConfigGenerator.INDEX, index.getBytes());
            Path fixtures = testClasses.resolve("org/d3m/testfixtures");
            List<Path> classes;
            try (Stream<Path> s = Files.walk(fixtures)) {
                classes = s.filter(Files::isRegularFile).collect(Collectors.toList());
            }
            for (Path c : classes) {
                put(jar, testClasses.relativize(c).toString().replace('\\', '/'), Files.readAllBytes(c));
            }
        }
        return dir;
    }

    private static void put(JarOutputStream jar, String name, byte[] data) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(data);
        jar.closeEntry();
    }

    /**
     * Ends a process and everything it started. Killing only a {@code timeout} wrapper would
     * orphan its child (SIGKILL is not forwarded), so descendants go first.
     */
    static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** True when {@code tool} is on the PATH. */
    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a short command to completion (killed after {@code seconds}); returns exit code and output. */
    static String[] exec(int seconds, Path log, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        byte[] out;
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                kill(p);
                return new String[] {"124", "timed out after " + seconds + " s: " + String.join(" ", cmd)};
            }
            out = p.getInputStream().readAllBytes();
        } finally {
            kill(p);
        }
        if (log != null) {
            try (OutputStream o = Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                o.write(("$ " + String.join(" ", cmd) + "\n").getBytes());
                o.write(out);
            }
        }
        return new String[] {Integer.toString(p.exitValue()), new String(out)};
    }
}
