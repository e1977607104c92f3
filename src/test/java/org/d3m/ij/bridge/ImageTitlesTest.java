package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.d3m.ij.Commands;

/** Image titles: the settings that differ from the defaults, and " (2)", " (3)" for duplicates. */
class ImageTitlesTest {

    static Map<String, Object> simulate(CommandInfo info, Object... keyValues) {
        Map<String, Object> v = new LinkedHashMap<>(Commands.defaults(info));
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], keyValues[i + 1]);
        }
        return v;
    }

    @Test
    void settingsThatDifferFromTheDefaultsAreNamed() {
        CommandInfo info = Commands.byName(CommandBridge.context(), "simulate");
        String base = "FastPM displacement seed=42 z=0";
        assertEquals(base, ImageTitles.withSettings(base, info, simulate(info, "seed", 42L)), "defaults add nothing");
        assertEquals(base + " steps=4", ImageTitles.withSettings(base, info, simulate(info, "seed", 42L, "steps", 4)));
        assertEquals(base + " omega_m=0.3 grid=16", ImageTitles.withSettings(base, info,
                simulate(info, "omega_m", 0.3, "grid", 16, "threads", 1, "output", new File("/tmp/x y/pm.tif"))),
                "input order; threads and output files are not settings of the field");
        assertEquals(base + " pk_file=camb.txt", ImageTitles.withSettings(base, info,
                simulate(info, "pk_file", new File("/data/tables/camb.txt"))), "an input file by its name");
    }

    @Test
    void duplicatesGetImageJSuffixes() {
        assertEquals("a", ImageTitles.unique("a", Set.of("b")));
        assertEquals("a (2)", ImageTitles.unique("a", Set.of("a")));
        assertEquals("a (4)", ImageTitles.unique("a", Set.of("a", "a (2)", "a (3)")));
        assertEquals("seed=42 z=0 (2)", ImageTitles.unique("seed=42 z=0", Set.of("seed=42 z=0")),
                "not z=0-1, which reads as a redshift range (issue 26)");
        assertEquals("z=0.5 (2)", ImageTitles.unique("z=0.5", Set.of("z=0.5")), "no extension guessing (ImageJ would give z=0-1.5)");
    }
}
