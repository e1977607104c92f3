package org.d3m.ij.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.d3m.ij.bridge.Ij1Commands;

/** plugins.config from the SciJava plugin index: one bridge line per D3M command with a menu path. */
class PluginsConfigGeneratorTest {

    @Test
    void linesForCommandsOnly() {
        String index = "{\"class\":\"org.d3m.commands.Simulate\",\"values\":{\"menuPath\":\"Plugins > D3M > Generate > Simulate FastPM...\","
                + "\"name\":\"simulate\",\"type\":\"org.scijava.command.Command\"}}"
                + "{\"class\":\"org.d3m.commands.Lpt\",\"values\":{\"menuPath\":\"Plugins>D3M>Generate>LPT...\",\"name\":\"lpt\","
                + "\"type\":\"org.scijava.command.Command\",\"menu\":[{\"label\":\"x\",\"weight\":1.0}],\"headless\":true}}"
                + "{\"class\":\"org.d3m.ij.SomeService\",\"values\":{\"type\":\"org.scijava.service.Service\"}}"
                + "{\"class\":\"org.other.Cmd\",\"values\":{\"menuPath\":\"Plugins>Other\",\"type\":\"org.scijava.command.Command\"}}"
                + "{\"class\":\"org.d3m.commands.Hidden\",\"values\":{\"name\":\"hidden\",\"type\":\"org.scijava.command.Command\"}}";
        String config = PluginsConfigGenerator.config(index);
        String[] lines = config.lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertEquals(2, lines.length, config);
        assertEquals("Plugins>D3M>Generate, \"Simulate FastPM...\", org.d3m.ij.bridge.CommandBridge(\"org.d3m.commands.Simulate\")", lines[0]);
        assertEquals("Plugins>D3M>Generate, \"LPT...\", org.d3m.ij.bridge.CommandBridge(\"org.d3m.commands.Lpt\")", lines[1],
                "known items in workflow order, unknown ones after");
    }

    @Test
    void duplicateLabelsAreRejected() {
        String e = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>X...\",\"type\":\"org.scijava.command.Command\"}}"
                + "{\"class\":\"org.d3m.B\",\"values\":{\"menuPath\":\"Plugins>D3M>Y>X...\",\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginsConfigGenerator.config(e)).getMessage()
                .contains("menu label 'X...' used by both org.d3m.A and org.d3m.B"));
    }

    @Test
    void labelsOfImageJBuiltInCommandsAreRejected() {
        String e = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>Benchmark\",\"type\":\"org.scijava.command.Command\"}}";
        IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PluginsConfigGenerator.config(e));
        org.junit.jupiter.api.Assertions.assertTrue(x.getMessage().contains("already an ImageJ 1 command"), x.getMessage());
    }

    @Test
    void realIndexOfTheTestFixtures() throws Exception {
        Path index = Path.of("target/test-classes", PluginsConfigGenerator.INDEX);
        String config = PluginsConfigGenerator.config(Files.readString(index));
        assertTrue(config.contains("Plugins>D3M Test, \"Make Test Field...\", org.d3m.ij.bridge.CommandBridge(\"org.d3m.testfixtures.TestFieldCommand\")"),
                config);
    }

    @Test
    void labelsWithoutDotsAreRejected() {
        String e = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>Do It\",\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginsConfigGenerator.config(e)).getMessage()
                .contains("must end with '...'"));
    }

    @Test
    void linesFollowTheWorkflowNotTheAlphabet() {
        StringBuilder index = new StringBuilder();
        String[][] commands = {{"Cosmology", "Linear Power..."}, {"Analyze", "Three-Point Multipoles..."},
            {"Analyze", "Paint Density..."}, {"Developer", "D3M Benchmark..."}, {"Emulator", "Train..."}, {"Emulator", "Emulate..."},
            {"Generate", "Simulate FastPM..."}, {"", "Demo Pipeline..."}, {"Emulator", "Make Dataset..."},
            {"Generate", "Initial Conditions..."}};
        for (String[] c : commands) {
            index.append("{\"class\":\"org.d3m.C").append(c[1].hashCode() & 0xffff).append("\",\"values\":{\"menuPath\":\"Plugins>D3M>")
                    .append(c[0].isEmpty() ? "" : c[0] + ">").append(c[1]).append("\",\"type\":\"org.scijava.command.Command\"}}");
        }
        String[] labels = PluginsConfigGenerator.config(index.toString()).lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf(", org"))).toArray(String[]::new);
        assertEquals(java.util.List.of("Plugins>D3M>Generate, \"Initial Conditions...\"", "Plugins>D3M>Generate, \"Simulate FastPM...\"",
                "Plugins>D3M>Emulator, \"Make Dataset...\"", "Plugins>D3M>Emulator, \"Train...\"", "Plugins>D3M>Emulator, \"Emulate...\"",
                "Plugins>D3M>Analyze, \"Paint Density...\"", "Plugins>D3M>Analyze, \"Three-Point Multipoles...\"",
                "Plugins>D3M>Cosmology, \"Linear Power...\"", "Plugins>D3M>Developer, \"D3M Benchmark...\"", "Plugins>D3M, \"Demo Pipeline...\""),
                java.util.List.of(labels));
    }

    @Test
    void aboutEntriesAreAppended() {
        String config = PluginsConfigGenerator.withStatic(PluginsConfigGenerator.config(""));
        assertTrue(config.contains("Plugins>D3M, \"About D3M...\", org.d3m.ij.help.AboutD3M\n"), config);
        assertTrue(config.contains("Help>About Plugins, \"D3M for Fiji...\", org.d3m.ij.help.AboutD3M\n"), config);
        assertEquals("org.d3m.ij.help.AboutD3M", Ij1Commands.fromPluginsConfig(config).get("About D3M..."));
    }

    @Test
    void sampleEntriesAreAppendedUnderOpenSamples() {
        String config = PluginsConfigGenerator.withStatic(PluginsConfigGenerator.config(""));
        assertTrue(config.contains("File>Open Samples>D3M, \"ZA Displacement (seed 42)\", org.d3m.ij.help.SampleData(\"za\")\n"), config);
        assertTrue(config.contains("File>Open Samples>D3M, \"FastPM Displacement (seed 42)\", org.d3m.ij.help.SampleData(\"fastpm\")\n"), config);
        assertTrue(config.contains("File>Open Samples>D3M, \"FastPM Density (seed 42)\", org.d3m.ij.help.SampleData(\"fastpm-density\")\n"), config);
        String clash = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>ZA Displacement (seed 42)\","
                + "\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PluginsConfigGenerator.withStatic(PluginsConfigGenerator.config(clash))).getMessage()
                .contains("must end with '...'"));
        String clash2 = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>About D3M...\","
                + "\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PluginsConfigGenerator.withStatic(PluginsConfigGenerator.config(clash2))).getMessage()
                .contains("used by a command and a sample or About entry"));
    }

    @Test
    void imageJ1LabelsAreReadFromIjJar() {
        assertTrue(PluginsConfigGenerator.BUILT_IN.contains("Benchmark"), "read from ij.jar's IJ_Props.txt");
        assertTrue(PluginsConfigGenerator.BUILT_IN.contains("Image..."), "shortcut [n] stripped");
        assertTrue(PluginsConfigGenerator.BUILT_IN.contains("Duplicate..."), "coded in ImageJ's Menus, from ij1-menubar.txt");
        assertEquals("ij.plugin.filter.ImageMath(\"add\")", Ij1Commands.builtIn().get("Add..."));
        String e = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>Duplicate...\",\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginsConfigGenerator.config(e)).getMessage()
                .contains("already an ImageJ 1 command"));
    }
}
