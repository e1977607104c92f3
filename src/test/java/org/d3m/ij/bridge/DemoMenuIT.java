package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Path out = dir.resolve("demo-menu-out");
        // FastPM, natives unpacked into a fresh home, then D3M: up to 250 s on a loaded machine
        GuiIT.runMacro(dir, "demo-menu", String.join("\n",
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
                ""), res, 250);
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
