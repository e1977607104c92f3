package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The Fiji plugin's install stays Spark-free: after the build (this module is built after the plugin),
 * no jar in plugins/ or plugins/jars is a Spark, Scala or Hadoop jar by name or holds their classes.
 */
class PluginJarsTest {

    static final List<String> FOREIGN = List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "org/d3m/spark/");

    @Test
    void pluginsJarsHoldsNoSparkJar() throws IOException {
        Path root = Path.of(System.getProperty("d3m.root", ".."));
        Path jars = root.resolve("plugins/jars");
        assertTrue(Files.isDirectory(jars), "the plugin build fills " + jars);
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(jars)) {
            s.filter(p -> p.toString().endsWith(".jar")).forEach(all::add);
        }
        assertTrue(all.size() > 5, "plugins/jars: " + all);
        all.add(root.resolve("plugins/D3M_Fiji.jar"));
        for (Path jar : all) {
            String name = jar.getFileName().toString();
            assertFalse(name.matches("(spark|scala|hadoop|d3m-spark|py4j|json4s|rocksdbjni).*"), "a Spark jar in plugins: " + jar);
            try (ZipFile z = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                    String entry = e.nextElement().getName();
                    for (String f : FOREIGN) {
                        assertFalse(entry.startsWith(f), jar + " holds " + entry);
                    }
                }
            }
        }
    }
}
