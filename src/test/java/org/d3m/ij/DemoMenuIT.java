package org.d3m.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Demo Pipeline from ImageJ under Xvfb (issue 26): besides its files it opens the four density stacks
 * (log view), one P(k) plot of the four fields and a table of the errors against FastPM.
 */
class DemoMenuIT {

    @Test
    void demoPipelineOpensDensitiesAPlotAndATable() throws Exception {
        Assumptions.assumeTrue(IjInstall.onPath("Xvfb") && IjInstall.onPath("timeout"),
                "GUI test skipped: Xvfb is not installed (./run-tests installs it from Debian when it can)");
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/gui"));
        Path res = dir.resolve("demo-menu.txt");
        Path log = dir.resolve("demo-menu.log");
        Path out = dir.resolve("demo-menu-out");
        Files.deleteIfExists(res);
        Files.deleteIfExists(log);
        Files.writeString(dir.resolve("demo-menu.ijm"), String.join("\n",
                "run('Demo Pipeline...', 'output_dir=[" + out + "]');",
                "titles = getList('image.titles'); s = '';",
                "for (i = 0; i < titles.length; i++) s = s + titles[i] + '|';",
                "tables = getList('window.titles'); t = '';",
                "for (i = 0; i < tables.length; i++) t = t + tables[i] + '|';",
                "rows = ''; tt = 'Demo Pipeline results';",
                "if (isOpen(tt)) rows = '' + Table.size(tt) + ' ' + Table.getString('Label', 3, tt) + ' '"
                        + " + Table.get('point-wise error vs FastPM', 3, tt);",
                "File.saveString('images=' + nImages + '\\ntitles=' + s + '\\nwindows=' + t + '\\nrows=' + rows + '\\n', '"
                        + res + ".tmp');",
                "File.rename('" + res + ".tmp', '" + res + "');",
                ""));
        int display = GuiIT.freeDisplay();
        List<Process> procs = new ArrayList<>();
        try {
            procs.add(GuiIT.start(log, display, "timeout", "300", "Xvfb", ":" + display, "-screen", "0", "1280x1000x24",
                    "-nolisten", "tcp"));
            GuiIT.waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
            procs.add(GuiIT.start(log, display, "timeout", "280", "java", "-Xmx2g", "-Duser.home=" + dir.resolve("home"),
                    "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(), "ij.ImageJ", "-macro",
                    dir.resolve("demo-menu.ijm").toString()));
            long end = System.currentTimeMillis() + 250_000; // FastPM, natives unpacked into a fresh home, D3M
            while (!Files.exists(res) && System.currentTimeMillis() < end) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(res), "the demo's windows within 250 s (see " + log + ")");
            if (IjInstall.onPath("import")) {
                GuiIT.shot(display, log, dir.resolve("demo-menu.png"));
            }
        } finally {
            for (int i = procs.size() - 1; i >= 0; i--) {
                IjInstall.kill(procs.get(i));
            }
        }
        Map<String, String> r = GuiIT.parse(Files.readString(res));
        assertEquals("5", r.get("images"), "four densities and the plot: " + r);
        for (String f : new String[] {"ZA", "2LPT", "FastPM", "D3M"}) {
            assertTrue(r.get("titles").contains("log10(1+delta) " + f + " seed=1 z=0"), f + " density: " + r);
        }
        assertTrue(r.get("titles").contains("P(k) of the demo's densities"), "the P(k) plot: " + r);
        assertTrue(r.get("windows").contains("Demo Pipeline results"), "the errors table: " + r);
        String[] row = r.get("rows").split(" ");
        assertEquals("4", row[0], "a row per field: " + r);
        assertEquals("D3M", row[1], r.toString());
        assertTrue(Double.parseDouble(row[2]) > 0 && Double.parseDouble(row[2]) < 0.1, "D3M's point-wise error: " + r);
        assertTrue(Files.exists(out.resolve("summary.txt")), "and the files, as on the CLI");
    }
}
