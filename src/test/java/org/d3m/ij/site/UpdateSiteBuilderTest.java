package org.d3m.ij.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class UpdateSiteBuilderTest {

    @TempDir
    Path tmp;

    private static final ZoneId UTC = ZoneOffset.UTC;

    private Path jar(Path file, String... namesAndContents) throws Exception {
        Files.createDirectories(file.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new JarEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(ZonedDateTime.of(2026, 12, 7, 22, 15, 30, 0, UTC).toInstant()));
        return file;
    }

    private static String sha1(String... parts) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-1");
        for (String p : parts) {
            d.update(p.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : d.digest()) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    @Test
    void checksumIsTheUpdatersJarDigest() throws Exception {
        // entries sorted by name; name then content; the manifest counts as empty, a .properties
        // drops its '#' lines (to their line end), other entries count whole
        Path j = jar(tmp.resolve("a.jar"), "z/B.class", "bytes", "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-By: me\n",
                "META-INF/maven/pom.properties", "#Created by Maven\n#Mon Dec 07\nversion=1\n", "a/A.class", "abc");
        String expected = sha1("META-INF/MANIFEST.MF", "META-INF/maven/pom.properties", "\n\nversion=1\n", "a/A.class", "abc",
                "z/B.class", "bytes");
        assertEquals(expected, UpdateSiteBuilder.checksum("jars/a.jar", j));
        // a rebuild that changes only the date comment and the manifest keeps the checksum
        Path k = jar(tmp.resolve("k/a.jar"), "a/A.class", "abc", "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBuilt-By: you\n",
                "z/B.class", "bytes", "META-INF/maven/pom.properties", "#Created by Maven\n#Tue Dec 08\nversion=1\n");
        assertEquals(expected, UpdateSiteBuilder.checksum("jars/a.jar", k));
        // a non-jar file: path then bytes
        Path txt = tmp.resolve("x.txt");
        Files.writeString(txt, "hello");
        assertEquals(sha1("macros/x.txt", "hello"), UpdateSiteBuilder.checksum("macros/x.txt", txt));
    }

    @Test
    void hashLinesAreSkippedAsTheUpdaterReadsThem() {
        assertArrayEquals("\nb=1\n\nc\n".getBytes(StandardCharsets.US_ASCII),
                UpdateSiteBuilder.withoutHashLines("#x\nb=1\n##y\nc\n".getBytes(StandardCharsets.US_ASCII)));
        // after an empty comment "#", the next line is not at a line start (SkipHashedLines' state)
        assertArrayEquals("\n#k\n".getBytes(StandardCharsets.US_ASCII),
                UpdateSiteBuilder.withoutHashLines("#\n#k\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void buildsTheSiteFromABuiltTree() throws Exception {
        Path root = tmp.resolve("root");
        Path plugin = jar(root.resolve("plugins/D3M_Fiji.jar"), "plugins.config", "Plugins>D3M, \"About D3M...\", org.d3m.ij.help.AboutD3M\n");
        jar(root.resolve("plugins/jars/api-0.36.0.jar"), "ai/djl/A.class", "x");
        jar(root.resolve("plugins/jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar"), "native/lib.so", "y");
        jar(root.resolve("plugins/jars/ij-1.54p.jar"), "ij/IJ.class", "z");
        jar(root.resolve("plugins/jars/scijava-common-2.100.1.jar"), "org/scijava/C.class", "z");
        jar(root.resolve("plugins/jars/slf4j-simple-2.0.17.jar"), "org/slf4j/S.class", "z");
        List<UpdateSiteBuilder.Entry> entries = UpdateSiteBuilder.entries(root);
        assertEquals(List.of("plugins/D3M_Fiji.jar", "jars/api-0.36.0.jar", "jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar"),
                entries.stream().map(UpdateSiteBuilder.Entry::filename).toList());

        Path site = tmp.resolve("site");
        UpdateSiteBuilder.build(site, entries, UTC);
        String stamp = "20261207221530";
        for (String f : List.of("plugins/D3M_Fiji.jar", "jars/api-0.36.0.jar", "jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar")) {
            assertTrue(Files.isRegularFile(site.resolve(f + "-" + stamp)), f);
        }
        assertArrayEquals(Files.readAllBytes(plugin), Files.readAllBytes(site.resolve("plugins/D3M_Fiji.jar-" + stamp)));

        Document doc;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertEquals("pluginRecords", doc.getDocumentElement().getTagName());
        NodeList plugins = doc.getElementsByTagName("plugin");
        assertEquals(3, plugins.getLength());
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            UpdateSiteBuilder.Entry e = entries.get(i);
            assertEquals(e.filename(), p.getAttribute("filename"));
            NodeList versions = p.getElementsByTagName("version");
            assertEquals(1, versions.getLength());
            Element v = (Element) versions.item(0);
            assertEquals(stamp, v.getAttribute("timestamp"));
            assertEquals(String.valueOf(Files.size(e.file())), v.getAttribute("filesize"));
            assertEquals(UpdateSiteBuilder.checksum(e.filename(), e.file()), v.getAttribute("checksum"));
            assertEquals(40, v.getAttribute("checksum").length());
            NodeList platforms = p.getElementsByTagName("platform");
            assertEquals(e.filename().contains("linux-x86_64") ? 1 : 0, platforms.getLength(), e.filename());
            if (platforms.getLength() == 1) {
                assertEquals("linux64", platforms.item(0).getTextContent());
            }
        }
        assertEquals(sha1("native/lib.so", "y"), UpdateSiteBuilder.checksum("jars/x.jar",
                root.resolve("plugins/jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar")));
    }

    @Test
    void nativePlatformsUseTheUpdatersNames() {
        assertEquals("linux64", UpdateSiteBuilder.platform("pytorch-native-cpu-2.7.1-linux-x86_64.jar"));
        assertEquals("macos-arm64", UpdateSiteBuilder.platform("pytorch-native-cpu-2.7.1-osx-aarch64.jar"));
        assertEquals("win64", UpdateSiteBuilder.platform("pytorch-native-cpu-2.7.1-win-x86_64.jar"));
        assertEquals("", UpdateSiteBuilder.platform("pytorch-engine-0.36.0.jar"));
    }
}
