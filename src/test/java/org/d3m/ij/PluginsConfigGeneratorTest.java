package org.d3m.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** plugins.config from the SciJava plugin index: one bridge line per D3M command with a menu path. */
class PluginsConfigGeneratorTest {

    @Test
    void linesForCommandsOnly() {
        String index = "{\"class\":\"org.d3m.commands.Simulate\",\"values\":{\"menuPath\":\"Plugins > D3M > Generate > Simulate FastPM\","
                + "\"name\":\"simulate\",\"type\":\"org.scijava.command.Command\"}}"
                + "{\"class\":\"org.d3m.commands.Lpt\",\"values\":{\"menuPath\":\"Plugins>D3M>Generate>LPT\",\"name\":\"lpt\","
                + "\"type\":\"org.scijava.command.Command\",\"menu\":[{\"label\":\"x\",\"weight\":1.0}],\"headless\":true}}"
                + "{\"class\":\"org.d3m.ij.SomeService\",\"values\":{\"type\":\"org.scijava.service.Service\"}}"
                + "{\"class\":\"org.other.Cmd\",\"values\":{\"menuPath\":\"Plugins>Other\",\"type\":\"org.scijava.command.Command\"}}"
                + "{\"class\":\"org.d3m.commands.Hidden\",\"values\":{\"name\":\"hidden\",\"type\":\"org.scijava.command.Command\"}}";
        String config = PluginsConfigGenerator.config(index);
        String[] lines = config.lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertEquals(2, lines.length, config);
        assertEquals("Plugins>D3M>Generate, \"LPT\", org.d3m.ij.CommandBridge(\"org.d3m.commands.Lpt\")", lines[0]);
        assertEquals("Plugins>D3M>Generate, \"Simulate FastPM\", org.d3m.ij.CommandBridge(\"org.d3m.commands.Simulate\")", lines[1]);
    }

    @Test
    void duplicateLabelsAreRejected() {
        String e = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>X\",\"type\":\"org.scijava.command.Command\"}}"
                + "{\"class\":\"org.d3m.B\",\"values\":{\"menuPath\":\"Plugins>D3M>Y>X\",\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PluginsConfigGenerator.config(e)).getMessage()
                .contains("menu label 'X' used by both org.d3m.A and org.d3m.B"));
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
        assertTrue(config.contains("Plugins>D3M Test, \"Make Test Field\", org.d3m.ij.CommandBridge(\"org.d3m.testfixtures.TestFieldCommand\")"),
                config);
    }

    @Test
    void sampleEntriesAreAppendedUnderOpenSamples() {
        String config = PluginsConfigGenerator.withSamples(PluginsConfigGenerator.config(""));
        assertTrue(config.contains("File>Open Samples>D3M, \"ZA Displacement (seed 42)\", org.d3m.ij.SampleData(\"za\")\n"), config);
        assertTrue(config.contains("File>Open Samples>D3M, \"FastPM Displacement (seed 42)\", org.d3m.ij.SampleData(\"fastpm\")\n"), config);
        assertTrue(config.contains("File>Open Samples>D3M, \"FastPM Density (seed 42)\", org.d3m.ij.SampleData(\"fastpm-density\")\n"), config);
        String clash = "{\"class\":\"org.d3m.A\",\"values\":{\"menuPath\":\"Plugins>D3M>ZA Displacement (seed 42)\","
                + "\"type\":\"org.scijava.command.Command\"}}";
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PluginsConfigGenerator.withSamples(PluginsConfigGenerator.config(clash))).getMessage()
                .contains("used by a command and a sample"));
    }

    @Test
    void imageJ1LabelsAreReadFromIjJar() {
        assertTrue(PluginsConfigGenerator.BUILT_IN.contains("Benchmark"), "read from ij.jar's IJ_Props.txt");
        assertTrue(PluginsConfigGenerator.BUILT_IN.contains("Image..."), "shortcut [n] stripped");
    }
}
