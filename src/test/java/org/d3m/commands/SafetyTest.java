package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.d3m.commands.GeneratorCommandsTest.Result;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.FolderLock;
import org.d3m.core.io.Npy;
import org.d3m.core.io.Provenance;
import org.d3m.core.io.SpecialFiles;
import org.d3m.ij.fields.FieldFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 11 cases of issue 12 through the launcher's entry point: each bad run exits 1 with one
 * {@code error: ...} line (after progress lines, if any) and leaves every file in the folder as it
 * was, byte for byte, with nothing added.
 */
class SafetyTest {

    @TempDir
    Path dir;
    /** A ZA displacement, 8^3 in a 64 Mpc/h box, with its sidecar. */
    Path za;

    @BeforeEach
    void makeAField() {
        za = dir.resolve("za.npy");
        Result r = cli("lpt", "order=1", "box_size=64", "grid=8", "seed=7", "threads=1", "output=" + za);
        assertEquals(0, r.code(), r.err());
    }

    /** Every path under {@code root} with its content (regular files), or what it is. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String what;
                if (Files.isSymbolicLink(p)) {
                    what = "link to " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = "folder";
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    what = Base64.getEncoder().encodeToString(Files.readAllBytes(p));
                } else {
                    what = "special file"; // never opened: reading a FIFO would block
                }
                m.put(root.relativize(p).toString(), what);
            }
        }
        return m;
    }

    /** Runs a command that must be refused with {@code message}, and checks nothing changed in the folder. */
    void refused(String message, String... args) throws IOException {
        Map<String, String> before = snapshot(dir);
        Result r = cli(args);
        String cmd = String.join(" ", args);
        assertEquals(1, r.code(), cmd + " -> " + r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals("error: " + message, lines.get(lines.size() - 1), cmd);
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertTrue(l.startsWith("["), "only progress lines before the error: " + l);
        }
        assertEquals(before, snapshot(dir), cmd + ": files are unchanged and nothing was added");
    }

    private static String sameFile(String out, Path outPath, String in, Path inPath) {
        return out + "=" + outPath + " is the same file as " + in + "=" + inPath + ", which it would destroy; choose another output";
    }

    @Test
    void case01AnOutputThatIsAnInputIsRefused() throws Exception {
        refused(sameFile("output", za, "input", za), "paint-density", "input=" + za, "box_size=64", "output=" + za);
        Path spelled = dir.resolve("sub/../za.npy");
        refused(sameFile("output", spelled, "input", za), "paint-density", "input=" + za, "box_size=64", "output=" + spelled);
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), za.getFileName());
        refused(sameFile("output", link, "input", za), "paint-density", "input=" + za, "box_size=64", "output=" + link);
        Path table = Files.writeString(dir.resolve("table.csv"), "k,P\n1,2\n");
        refused(sameFile("output", table, "pk_file", table), "linear-power", "pk_file=" + table, "output=" + table);
        refused("output=" + za + ": a table is written as CSV; the name must end in .csv",
                "power-spectrum", "input=" + za, "box_size=64", "output=" + za);
    }

    @Test
    void case02TwoOutputsAtOnePathAreRefused() throws Exception {
        Path s = Files.writeString(dir.resolve("s.npy"), "an older file");
        refused("momentum_output=" + s + " and output=" + s + " are the same file; give each output its own name",
                "simulate", "box_size=64", "grid=8", "steps=1", "output=" + s, "momentum_output=" + s);
        Path f = dir.resolve("f.tif");
        Path g = dir.resolve("./f.tif");
        refused("displacement_output=" + g + " and output=" + f + " are the same file; give each output its own name",
                "initial-conditions", "box_size=64", "grid=8", "output=" + f, "displacement_output=" + g);
        Path x = dir.resolve("x");
        refused("output=" + x + ": a table is written as CSV; the name must end in .csv",
                "power-spectrum", "input=" + za, "box_size=64", "output=" + x, "plot_output=" + x);
    }

    @Test
    void case03OutputsMustHaveTheExtensionOfTheirKind() throws Exception {
        Path pk = Files.writeString(dir.resolve("pk.npy"), "an older file");
        refused("output=" + pk + ": a table is written as CSV; the name must end in .csv",
                "power-spectrum", "input=" + za, "box_size=64", "output=" + pk);
        Path csv = dir.resolve("x.csv");
        refused("plot_output=" + csv + ": a plot is written as PNG; the name must end in .png",
                "power-spectrum", "input=" + za, "box_size=64", "output=" + dir.resolve("pk.csv"), "plot_output=" + csv);
        refused("output=" + pk + ": a table is written as CSV; the name must end in .csv",
                "three-point", "input=" + za, "box_size=64", "r_max=20", "output=" + pk);
        Path png = dir.resolve("x.png");
        refused("output=" + png + ": unknown field file type; use .tif, .tiff or .npy", "lpt", "grid=8", "output=" + png);
    }

    @Test
    void case04OnlyRegularFilesAreReplaced() throws Exception {
        Path socket = dir.resolve("socket.csv");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            refused("cannot write output " + socket + ": it is not a regular file (devices, pipes and sockets are never replaced)",
                    "power-spectrum", "input=" + za, "box_size=64", "output=" + socket);
        }
        Path fifo = SpecialFiles.fifo(dir.resolve("fifo.npy"));
        refused("cannot write output " + fifo + ": it is not a regular file (devices, pipes and sockets are never replaced)",
                "lpt", "grid=8", "output=" + fifo);
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
    }

    @Test
    void case05FailedRunsLeaveNothingBehind() throws Exception {
        Path missing = dir.resolve("missing.npy");
        refused("input '" + missing + "' is neither an open image nor an existing file", "compare", "truth=" + za,
                "prediction=" + missing, "box_size=64", "three_point=false", "output_dir=" + dir.resolve("cmp"));
        refused("no dataset index " + dir.resolve("nodata/index.json") + " (run make-dataset first, or finish it)",
                "train", "dataset=" + dir.resolve("nodata"), "output_dir=" + dir.resolve("model"), "device=cpu");

        long dead = SpecialFiles.deadPid();
        String live = ".out.npy." + ProcessHandle.current().pid() + "-3.tmp";
        for (String stale : List.of(".out.npy." + dead + "-1.tmp", ".out.npy.8123456789.tmp", ".out.npy.json." + dead + "-2.tmp", live)) {
            Files.writeString(dir.resolve(stale), "left by a killed run");
        }
        Result r = cli("lpt", "box_size=64", "grid=8", "output=" + dir.resolve("out.npy"));
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(live), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "stale temporary files of the outputs are removed, a live writer's is kept");
        }
    }

    @Test
    void case06OutputsHonourTheUmaskAsCpWould() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var umask = Files.getPosixFilePermissions(Files.createFile(dir.resolve("made-by-touch")));
        Path kept = Files.writeString(dir.resolve("pk.csv"), "older");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, cli("lpt", "box_size=64", "grid=8", "output=" + dir.resolve("new.tif")).code());
        assertEquals(0, cli("power-spectrum", "input=" + za, "box_size=64", "output=" + kept,
                "plot_output=" + dir.resolve("pk.png")).code());
        for (String f : List.of("za.npy", "za.npy.json", "new.tif", "new.tif.json", "pk.png")) {
            assertEquals(umask, Files.getPosixFilePermissions(dir.resolve(f)), f);
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)), "a replaced file keeps its mode");
    }

    @Test
    void case07NonFiniteValuesAreRefusedByEveryFieldReader() throws Exception {
        VectorField v = Npy.readVector(za, 64);
        v.y()[3] = Float.NaN;
        Path nan = dir.resolve("nan.npy");
        Npy.write(nan, v);
        String msg = "nan.npy has a non-finite value (component 1, index 3)";
        refused(msg, "paint-density", "input=" + nan, "box_size=64", "output=" + dir.resolve("d.npy"));
        refused(msg, "power-spectrum", "input=" + nan, "box_size=64", "output=" + dir.resolve("pk.csv"));
        refused(msg, "compare", "truth=" + za, "prediction=" + nan, "box_size=64", "three_point=false",
                "output_dir=" + dir.resolve("cmp"));
        refused(msg, "three-point", "input=" + nan, "box_size=64", "r_max=20");
        Path tif = dir.resolve("nan.tif");
        FieldFiles.write(tif.toFile(), v, Provenance.of("a broken field"));
        refused("image 'nan.tif' has a non-finite value (component 1, index 3)", "paint-density", "input=" + tif);
        Path inf = dir.resolve("inf.npy");
        float[] d = new float[512];
        d[5] = Float.POSITIVE_INFINITY;
        Npy.writeFloats(inf, new int[] {8, 8, 8}, d);
        refused("inf.npy has a non-finite value (index 5)", "power-spectrum", "input=" + inf, "box_size=64");
    }

    @Test
    void case08DisplacementsLargerThanTheBoxAreRefused() throws Exception {
        VectorField v = Npy.readVector(za, 64);
        for (float[] c : v.c()) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= 1e30f;
            }
        }
        Path huge = dir.resolve("huge.npy");
        Npy.write(huge, v);
        Result r = cli("paint-density", "input=" + huge, "box_size=64", "output=" + dir.resolve("d.npy"));
        assertEquals(1, r.code());
        assertTrue(r.err().strip().matches("error: huge\\.npy has a displacement \\|Psi\\| = \\S+e\\+30 Mpc/h \\(index \\d+\\)"
                + " larger than the box \\(64 Mpc/h\\): wrong units or box_size\\?"), r.err());
        assertFalse(Files.exists(dir.resolve("d.npy")));
        r = cli("paint-density", "input=" + za, "box_size=1"); // the right field with a wrong box
        assertEquals(1, r.code());
        assertTrue(r.err().contains("larger than the box (1 Mpc/h)"), r.err());
    }

    @Test
    void case09KeysThatWouldBeIgnoredAreErrors() throws Exception {
        Path out = dir.resolve("o.npy");
        refused("sigma8 must be a finite number > 0, or 0 for no rescaling; got -1", "lpt", "grid=8", "sigma8=-1", "output=" + out);
        refused("box_size must be in [1, 1e5] Mpc/h, got 1.0E30", "lpt", "grid=8", "box_size=1e30", "output=" + out);
        Path model = Files.writeString(dir.resolve("m.d3mw"), "not read: the keys are checked first");
        refused("grid=64 does not match input (grid 8); leave it out",
                "emulate", "model=" + model, "input=" + za, "box_size=64", "grid=64", "output=" + out);
        refused("seed=3 is not used when input is given (the field is not generated); leave it out",
                "emulate", "model=" + model, "input=" + za, "box_size=64", "seed=3", "output=" + out);
        refused("save_dir is not used with input_dir (the fields are read, not computed); leave one out",
                "ensemble-compare", "input_dir=" + dir, "save_dir=" + dir.resolve("saved"));
        refused("redshift=1 is not used with input_dir (the fields are read, not computed); leave it out",
                "ensemble-compare", "input_dir=" + dir, "redshift=1");
    }

    @Test
    void case10OneTrainOrMakeDatasetRunPerFolder() throws Exception {
        Path model = Files.createDirectory(dir.resolve("model"));
        Files.writeString(model.resolve("best.d3mw"), "the first run's model");
        Path data = dir.resolve("data");
        String pid = Long.toString(ProcessHandle.current().pid());
        String inUse = " is in use by process " + pid
                + " (one train or make-dataset run per folder); wait for it to finish or choose another folder";
        try (FolderLock first = FolderLock.acquire(model); FolderLock second = FolderLock.acquire(data)) {
            refused(model + inUse, "train", "dataset=" + data, "output_dir=" + model, "device=cpu");
            refused(data + inUse, "make-dataset", "box_size=32", "grid=8", "samples=1", "steps=1", "output_dir=" + data);
        }
    }

    @Test
    void case11ADatasetIsNotExtendedWithOtherSettings() throws Exception {
        Path data = dir.resolve("data");
        String[] first = {"make-dataset", "box_size=32", "grid=8", "seed=5", "samples=1", "steps=1", "threads=1", "output_dir=" + data};
        Result r = cli(first);
        assertEquals(0, r.code(), r.err());
        refused(data + " holds a dataset made with other settings: box_size=32 (now 64), grid=8 (now 16);"
                + " use the same settings to extend it, or another folder",
                "make-dataset", "box_size=64", "grid=16", "seed=5", "samples=1", "steps=1", "output_dir=" + data);
        refused(data + " holds a dataset made with other settings: a_s=2.142e-9 (now 2.2e-9), steps=1 (now 2);"
                + " use the same settings to extend it, or another folder",
                "make-dataset", "box_size=32", "grid=8", "seed=5", "samples=1", "steps=2", "a_s=2.2e-9", "output_dir=" + data);
        String[] more = Arrays.copyOf(first, first.length);
        more[4] = "samples=2";
        more[6] = "threads=2";
        r = cli(more);
        assertEquals(0, r.code(), "the same settings extend it (samples and threads may differ): " + r.err());
        assertTrue(r.out().startsWith("2 samples"), r.out());
    }
}
