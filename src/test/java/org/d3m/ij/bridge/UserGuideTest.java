package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.d3m.ij.Commands;
import org.d3m.ij.help.AboutD3M;

/** The Help button's text: each command's section of the bundled user guide, as HTML. */
class UserGuideTest {

    @Test
    void everyCommandHasItsSectionInTheBundledGuide() {
        String md = UserGuide.markdown();
        for (CommandInfo c : Commands.all(CommandBridge.context())) {
            if (c.getName().startsWith("fixture-")) {
                continue;
            }
            assertNotNull(UserGuide.section(md, "`" + c.getName() + "`"), "docs/user-guide.md has a section for " + c.getName());
            String html = UserGuide.help(c);
            assertTrue(html.startsWith("<html>") && html.endsWith("</html>"), c.getName());
            for (var item : Commands.userInputs(c)) {
                if (!java.util.List.of("a_s", "n_s", "h", "omega_m", "omega_b", "pk_file", "sigma8", "box_size", "grid", "seed",
                        "threads").contains(item.getName()) || html.contains("Cosmology keys") || html.contains("Setup keys")) {
                    assertTrue(html.contains("<code>" + item.getName() + "</code>"), c.getName() + " help names key " + item.getName());
                }
            }
        }
        String sim = UserGuide.help(Commands.byName(CommandBridge.context(), "simulate"));
        assertTrue(sim.contains("Cosmology keys") && sim.contains("Setup keys"), "shared key sections it refers to");
    }

    @Test
    void theGuidesScreenshotsAreShownFromTheJar() throws Exception {
        String html = UserGuide.html("Text.\n\n![About D3M](images/about.png)\n\n![gone](images/no-such.png)\n");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<img src='([^']+)'[^>]*><br><i>About D3M</i>").matcher(html);
        assertTrue(m.find(), html);
        try (java.io.InputStream in = new java.net.URL(m.group(1)).openStream()) {
            byte[] png = in.readNBytes(4);
            assertEquals("\u0089PNG", new String(png, java.nio.charset.StandardCharsets.ISO_8859_1), "a PNG from the jar's copy");
        }
        assertFalse(html.contains("gone"), "an image the jar lacks is left out: " + html);
        // a screenshot wider than the Help window is scaled down, keeping its aspect ratio
        java.awt.image.BufferedImage wide = javax.imageio.ImageIO.read(UserGuide.class.getClassLoader().getResource(UserGuide.IMAGES + "reproduce-table-dialog.png"));
        assertTrue(wide.getWidth() > UserGuide.MAX_IMAGE_WIDTH, "the test needs a wide screenshot");
        String tag = UserGuide.image("![R](images/reproduce-table-dialog.png)");
        long h = Math.round(wide.getHeight() * (double) UserGuide.MAX_IMAGE_WIDTH / wide.getWidth());
        assertTrue(tag.contains(" width='" + UserGuide.MAX_IMAGE_WIDTH + "' height='" + h + "'"), tag);
        // every image the guide shows is in the jar
        for (String line : UserGuide.markdown().split("\\R")) {
            if (line.strip().startsWith("![")) {
                assertTrue(UserGuide.image(line.strip()).startsWith("<p><img"), line);
            }
        }
    }

    @Test
    void numberedListsKeepCountingAcrossBlankLinesAndCode() {
        String html = UserGuide.html("1. first\n\n```\nrun();\n```\n\n2. second\n3. third\n");
        assertEquals("<ol start='1'><li>first</li></ol><pre>run();\n</pre><ol start='2'><li>second</li><li>third</li></ol>", html);
    }

    @Test
    void markdownBecomesSimpleHtml() {
        String html = UserGuide.html("### `x`: Title\n\nSome **bold** text with [a link](http://a) and `code`.\n\n"
                + "| key | unit |\n|---|---|\n| `a` | Mpc/h |\n\n- one\n- two\n\n```\nrun(\"A...\", \"k=1\");\n```\n![shot](images/a.png)\n");
        assertEquals("<h4><code>x</code>: Title</h4><p>Some <b>bold</b> text with a link and <code>code</code>.</p>"
                + "<table border='1' cellpadding='2'><tr><th>key</th><th>unit</th></tr><tr><td><code>a</code></td><td>Mpc/h</td></tr></table>"
                + "<ul><li>one</li><li>two</li></ul><pre>run(\"A...\", \"k=1\");\n</pre>", html);
        assertFalse(UserGuide.html("a < b & c").contains("< b"), "escaped");
    }

    @Test
    void aboutNamesTheVersionThePaperAndTheGuide() {
        String t = AboutD3M.text();
        assertTrue(t.startsWith("D3M for Fiji " + org.d3m.core.io.Provenance.version()), t);
        assertTrue(t.contains("doi:10.1073/pnas.1821458116") && t.contains("Learning to predict the cosmological structure formation"), t);
        assertTrue(t.contains("User Guide"), t);
    }
}
