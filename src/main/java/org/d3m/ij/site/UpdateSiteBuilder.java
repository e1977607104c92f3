package org.d3m.ij.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Builds an ImageJ update-site folder from a built D3M tree: {@code db.xml.gz} plus each file at
 * {@code <path>-<timestamp>} (e.g. {@code plugins/D3M_Fiji.jar-20261207221500},
 * {@code jars/api-0.36.0.jar-20261207221500}), the layout imagej-updater downloads from
 * ({@code FilesCollection.getURL}: site URL + filename + "-" + timestamp). Nothing is downloaded.
 *
 * <p>The record of each file follows imagej-updater's {@code XMLFileWriter} for a remote site
 * ({@code <pluginRecords><plugin filename=...><platform/>?<version checksum timestamp filesize/>}),
 * the timestamp is the file's modification time as {@code yyyyMMddHHmmss} in the local zone
 * ({@code UpdaterUtil.timestamp}), and the checksum is {@code UpdaterUtil.getJarDigest(file)}:
 * SHA-1 over the jar's entries sorted by name, each its name (ASCII) then its content, where a
 * {@code .properties} entry drops its lines that start with '#' (Maven's date comment) and
 * {@code META-INF/MANIFEST.MF} counts as empty (the updater's manifest filter keeps only a
 * "Main-Class:" line, compared against an upper-cased line, so it keeps nothing). A non-jar file's
 * checksum is SHA-1 of its path then its bytes ({@code UpdaterUtil.getDigest}).
 *
 * <p>Usage: {@code UpdateSiteBuilder OUT_DIR [ROOT]}: ROOT (default ".") holds
 * {@code plugins/D3M_Fiji.jar} and {@code plugins/jars/*.jar}; the dependencies that Fiji already
 * ships ({@link #FIJI_SHIPS}) are left out, the others go to {@code jars/}; DJL's PyTorch native jar
 * is marked for its platform (e.g. linux64) so the updater installs it there only.
 */
public final class UpdateSiteBuilder {

    /** Jars Fiji ships in its own versions (Fiji's update site owns them): not on our site. */
    public static final Pattern FIJI_SHIPS = Pattern.compile("(ij|scijava-common|parsington|imglib2|slf4j-api|slf4j-simple"
            + "|commons-math3|commons-io|commons-codec|commons-compress|commons-lang3|gson|jna|jna-platform|JTransforms|JLargeArrays"
            + "|junit|hamcrest-core)-[0-9].*\\.jar");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** One file of the site: its path in Fiji.app, the local file, its platform ("" for all). */
    public record Entry(String filename, Path file, String platform) { }

    private UpdateSiteBuilder() { }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: UpdateSiteBuilder OUT_DIR [ROOT]");
        }
        Path out = Paths.get(args[0]);
        Path root = Paths.get(args.length > 1 ? args[1] : ".");
        List<Entry> entries = entries(root);
        build(out, entries, ZoneId.systemDefault());
        System.out.println("[d3m] update site in " + out + ": " + entries.size() + " files; host the folder and add its URL"
                + " in Fiji (Help > Update... > Manage Update Sites > Add Unlisted Site)");
    }

    /** The files of a built tree: plugins/D3M_Fiji.jar and the plugins/jars/ jars Fiji lacks. */
    public static List<Entry> entries(Path root) throws IOException {
        Path plugin = root.resolve("plugins/D3M_Fiji.jar");
        if (!Files.isRegularFile(plugin)) {
            throw new IOException(plugin + " missing: build first (mvn -B -DskipTests package)");
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("plugins/D3M_Fiji.jar", plugin, ""));
        List<Path> jars = new ArrayList<>();
        Path dir = root.resolve("plugins/jars");
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(jars::add);
            }
        }
        Collections.sort(jars);
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (!FIJI_SHIPS.matcher(name).matches()) {
                entries.add(new Entry("jars/" + name, jar, platform(name)));
            }
        }
        return entries;
    }

    /**
     * The updater's platform of a DJL native jar ({@code pytorch-native-cpu-2.7.1-linux-x86_64.jar}
     * is linux64), "" for a jar that runs everywhere.
     */
    public static String platform(String jarName) {
        if (!jarName.contains("-native-")) {
            return "";
        }
        if (jarName.contains("linux-x86_64")) {
            return "linux64";
        }
        if (jarName.contains("linux-aarch64")) {
            return "linux-arm64";
        }
        if (jarName.contains("win-x86_64")) {
            return "win64";
        }
        if (jarName.contains("osx-aarch64")) {
            return "macos-arm64";
        }
        if (jarName.contains("osx-x86_64")) {
            return "macos64";
        }
        return "";
    }

    /** Writes the site: each file at filename-timestamp, and db.xml.gz listing them. */
    public static void build(Path out, List<Entry> entries, ZoneId zone) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n");
        for (Entry e : entries) {
            String stamp = timestamp(e.file(), zone);
            Path target = out.resolve(e.filename() + "-" + stamp);
            Files.createDirectories(target.getParent());
            Files.copy(e.file(), target, StandardCopyOption.REPLACE_EXISTING);
            xml.append("    <plugin filename=\"").append(escape(e.filename())).append("\">\n");
            if (!e.platform().isEmpty()) {
                xml.append("        <platform>").append(escape(e.platform())).append("</platform>\n");
            }
            xml.append("        <version checksum=\"").append(checksum(e.filename(), e.file()))
                    .append("\" filesize=\"").append(Files.size(e.file()))
                    .append("\" timestamp=\"").append(stamp).append("\"/>\n");
            xml.append("    </plugin>\n");
        }
        xml.append("</pluginRecords>\n");
        Files.createDirectories(out);
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out.resolve("db.xml.gz")));
                Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write(xml.toString());
        }
    }

    /** The updater's timestamp of a file: its modification time, yyyyMMddHHmmss in the zone. */
    public static String timestamp(Path file, ZoneId zone) throws IOException {
        return STAMP.format(Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis()).atZone(zone));
    }

    /** The updater's checksum of a file at a path in Fiji.app (see the class comment). */
    public static String checksum(String filename, Path file) throws IOException {
        MessageDigest sha = sha1();
        if (!filename.endsWith(".jar")) {
            sha.update(filename.getBytes(StandardCharsets.US_ASCII));
            sha.update(Files.readAllBytes(file));
            return hex(sha.digest());
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            List<JarEntry> list = Collections.list(jar.entries());
            list.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry entry : list) {
                sha.update(entry.getName().getBytes(StandardCharsets.US_ASCII));
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                sha.update(entry.getName().endsWith(".properties") ? withoutHashLines(bytes) : bytes);
            }
        }
        return hex(sha.digest());
    }

    /**
     * The bytes with each line that starts with '#' reduced to its line end, as the updater's
     * SkipHashedLines reads them (a line after an empty comment line "#" is not a line start).
     */
    static byte[] withoutHashLines(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int[] pos = {0};
        boolean[] atLineStart = {true};
        int ch;
        while ((ch = skipRead(in, pos, atLineStart)) >= 0) {
            out.write(ch);
        }
        return out.toByteArray();
    }

    private static int skipRead(byte[] in, int[] pos, boolean[] atLineStart) {
        int ch = pos[0] < in.length ? in[pos[0]++] & 0xff : -1;
        if (atLineStart[0]) {
            if (ch == '#') {
                do {
                    ch = skipRead(in, pos, atLineStart);
                } while (ch != '\n' && ch != -1);
            } else {
                atLineStart[0] = false;
            }
        } else if (ch == '\n') {
            atLineStart[0] = true;
        }
        return ch;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
