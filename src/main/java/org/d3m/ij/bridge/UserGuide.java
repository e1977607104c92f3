package org.d3m.ij.bridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.scijava.command.CommandInfo;
import org.d3m.ij.Commands;

/**
 * The user guide (docs/user-guide.md, packed into the jar as {@value #RESOURCE}) for the Help
 * button of each dialog: the command's own section ("### `simulate`: ..."), followed by the shared
 * key sections it refers to, rendered as the simple HTML that ImageJ's HTMLDialog shows. Works
 * offline: no browser, no web address.
 */
public final class UserGuide {

    /** Where the build puts the guide (pom.xml resources). */
    static final String RESOURCE = "org/d3m/docs/user-guide.md";

    /** Where the build puts docs/images, the guide's screenshots (pom.xml resources). */
    static final String IMAGES = "org/d3m/docs/images/";

    private UserGuide() {
    }

    /** The guide's Markdown text; an IllegalStateException when the jar lacks it. */
    public static String markdown() {
        String s = Ij1Commands.resource(UserGuide.class.getClassLoader(), RESOURCE, StandardCharsets.UTF_8);
        if (s == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the D3M jar");
        }
        return s;
    }

    /** The HTML help of a command (for {@code GenericDialog.addHelp}). */
    public static String help(CommandInfo info) {
        String md = markdown();
        String name = Commands.name(info);
        StringBuilder sb = new StringBuilder("<html><body style='width:640px'>");
        String own = section(md, "`" + name + "`");
        if (own == null) {
            sb.append("<h2>").append(escape(Commands.displayTitle(info))).append("</h2><p>")
                    .append(escape(info.getDescription() == null ? "" : info.getDescription())).append("</p>");
        } else {
            sb.append(html(own));
            for (String shared : new String[] {"Cosmology keys", "Setup keys"}) {
                String anchor = "#" + shared.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                String s = section(md, shared);
                if (own.contains("(" + anchor + ")") && s != null) {
                    sb.append(html(s));
                }
            }
        }
        sb.append("<h4>Dialog fields and their macro keys</h4><table border='1' cellpadding='2'><tr><th>field</th><th>key</th></tr>");
        for (org.scijava.module.ModuleItem<?> item : Commands.userInputs(info)) {
            String unit = ParamUi.unit(item);
            sb.append("<tr><td>").append(escape(ParamUi.label(item) + (unit.isEmpty() ? "" : " [" + unit + "]")))
                    .append("</td><td><code>").append(escape(item.getName())).append("</code></td></tr>");
        }
        sb.append("</table>");
        sb.append("<p><i>D3M for Fiji ").append(escape(org.d3m.core.io.Provenance.version()))
                .append(": docs/user-guide.md, section &ldquo;").append(escape(Commands.displayTitle(info)))
                .append("&rdquo;.</i></p></body></html>");
        return sb.toString();
    }

    /**
     * The section whose heading (any level) contains {@code marker}: the heading and every line up
     * to the next heading of the same or a higher level; null when there is none.
     */
    static String section(String md, String marker) {
        String[] lines = md.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int level = level(lines[i]);
            if (level > 0 && lines[i].contains(marker)) {
                StringBuilder sb = new StringBuilder(lines[i]).append('\n');
                for (int j = i + 1; j < lines.length; j++) {
                    int l = level(lines[j]);
                    if (l > 0 && l <= level) {
                        break;
                    }
                    sb.append(lines[j]).append('\n');
                }
                return sb.toString();
            }
        }
        return null;
    }

    private static int level(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
    }

    /**
     * Markdown to simple HTML: headings, paragraphs, "-" and "1." lists (a numbered list starts at its first
     * item's number, so one interrupted by a blank line or a code block keeps counting), pipe tables, fenced
     * code, `code`, **bold**, [links](...) as their text; an image on its own line ("![alt](images/x.png)") is
     * shown from the copy of docs/images in the jar ({@value #IMAGES}), and left out when the jar lacks it.
     */
    public static String html(String md) {
        StringBuilder out = new StringBuilder();
        List<String> para = new ArrayList<>();
        String list = null;
        boolean code = false;
        boolean table = false;
        for (String raw : md.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                flush(out, para);
                list = endList(out, list);
                out.append(code ? "</pre>" : "<pre>");
                code = !code;
                continue;
            }
            if (code) {
                out.append(escape(raw)).append('\n');
                continue;
            }
            if (table && !line.startsWith("|")) {
                out.append("</table>");
                table = false;
            }
            int h = level(line);
            if (h > 0) {
                flush(out, para);
                list = endList(out, list);
                int tag = Math.min(4, h + 1);
                out.append("<h").append(tag).append('>').append(inline(line.substring(h + 1))).append("</h").append(tag).append('>');
            } else if (line.startsWith("|")) {
                flush(out, para);
                list = endList(out, list);
                if (line.matches("\\|[-:| ]+\\|")) {
                    continue; // the header separator
                }
                String cell = table ? "td" : "th";
                if (!table) {
                    out.append("<table border='1' cellpadding='2'>");
                    table = true;
                }
                out.append("<tr>");
                for (String c : line.substring(1, line.length() - 1).split("\\|")) {
                    out.append('<').append(cell).append('>').append(inline(c.strip())).append("</").append(cell).append('>');
                }
                out.append("</tr>");
            } else if (line.matches("(-|\\d+\\.) .*")) {
                flush(out, para);
                String kind = line.startsWith("-") ? "ul" : "ol";
                if (!kind.equals(list)) {
                    endList(out, list);
                    out.append('<').append(kind);
                    if (kind.equals("ol")) {
                        // a numbered list split by blank lines or code goes on from its own number
                        out.append(" start='").append(line.substring(0, line.indexOf('.'))).append('\'');
                    }
                    out.append('>');
                    list = kind;
                }
                out.append("<li>").append(inline(line.substring(line.indexOf(' ') + 1))).append("</li>");
            } else if (line.isEmpty()) {
                flush(out, para);
                list = endList(out, list);
            } else if (line.startsWith("![")) {
                flush(out, para);
                list = endList(out, list);
                out.append(image(line));
            } else if (list != null) {
                out.append(' ').append(inline(line));
            } else {
                para.add(line);
            }
        }
        flush(out, para);
        endList(out, list);
        if (table) {
            out.append("</table>");
        }
        if (code) {
            out.append("</pre>");
        }
        return out.toString();
    }

    private static void flush(StringBuilder out, List<String> para) {
        if (!para.isEmpty()) {
            out.append("<p>").append(inline(String.join(" ", para))).append("</p>");
            para.clear();
        }
    }

    private static String endList(StringBuilder out, String list) {
        if (list != null) {
            out.append("</").append(list).append('>');
        }
        return null;
    }

    /**
     * An image line as an {@code <img>} of the jar's copy of the file, with its alt text below; "" when the
     * line is not an image of docs/images or the jar lacks the file.
     */
    static String image(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("!\\[([^\\]]*)\\]\\(images/([A-Za-z0-9._-]+\\.png)\\)").matcher(line);
        if (!m.lookingAt()) {
            return "";
        }
        java.net.URL url = UserGuide.class.getClassLoader().getResource(IMAGES + m.group(2));
        if (url == null) {
            return "";
        }
        return "<p><img src='" + escape(url.toString()).replace("'", "%27") + "'" + size(url) + "><br><i>"
                + escape(m.group(1)) + "</i></p>";
    }

    /** Widest image in the Help window [px]; wider screenshots are scaled down to it. */
    static final int MAX_IMAGE_WIDTH = 600;

    /** " width='w' height='h'" for a PNG wider than {@link #MAX_IMAGE_WIDTH} (read from its header), else "". */
    private static String size(java.net.URL png) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(png.openStream())) {
            in.skipNBytes(16); // signature (8) + IHDR length and type (8)
            int w = in.readInt();
            int h = in.readInt();
            if (w <= MAX_IMAGE_WIDTH || w <= 0) {
                return "";
            }
            return " width='" + MAX_IMAGE_WIDTH + "' height='" + Math.max(1, Math.round(h * (double) MAX_IMAGE_WIDTH / w)) + "'";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static final Set<Character> SPECIAL = Set.of('<', '>', '&');

    /** Inline Markdown: `code`, **bold**, [text](link) → text, images dropped; HTML escaped. */
    static String inline(String s) {
        String t = escape(s).replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "")
                .replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>")
                .replaceAll("`([^`]+)`", "<code>$1</code>");
        return t;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (SPECIAL.contains(c)) {
                sb.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&amp;");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
