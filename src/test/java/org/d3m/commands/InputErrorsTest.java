package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.d3m.commands.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.d3m.commands.GeneratorCommandsTest.Result;
import org.d3m.ij.Commands;
import org.d3m.testfixtures.FastPmFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input items of issue 24's low list: each bad input is one line that names the file and
 * what is wrong with it, exit 1, and no file changes.
 */
class InputErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptedTiffIsNamed() throws Exception {
        Path tif = dir.resolve("psi.tif");
        assertEquals(0, cli("lpt", "grid=8", "output=" + tif).code());
        byte[] b = Files.readAllBytes(tif);
        corruptMetaDataCount(b);
        Files.write(tif, b);
        // ImageJ's TIFF decoder throws NegativeArraySizeException: -914527693, which named no file
        refused(dir, "cannot read " + tif + ": a damaged or unsupported TIFF (java.lang.NegativeArraySizeException",
                "paint-density", "input=" + tif, "output=" + dir.resolve("d.npy"));
    }

    /** Overwrites the second count of ImageJ's MetaDataByteCounts (tag 50838) with 0xC97D6A33 (negative as an int). */
    private static void corruptMetaDataCount(byte[] tiff) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int entries = b.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + 12 * i;
            if ((b.getShort(e) & 0xffff) == 50838) {
                b.putInt(b.getInt(e + 8) + 4, 0xC97D6A33);
                return;
            }
        }
        throw new AssertionError("no MetaDataByteCounts tag: the TIFF writer changed");
    }

    @Test
    void aPermissionProblemSaysSo() {
        String line = Commands.errorLine(new UncheckedIOException("secret.npy", new AccessDeniedException("/data/secret.npy")));
        assertEquals("cannot access /data/secret.npy: permission denied", line);
    }

    @Test
    void aFolderGivenAsPkFileIsCalledAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("tables"));
        refused(dir, "pk_file " + folder + " is a folder; give the table file (k, P columns)", "linear-power",
                "pk_file=" + folder, "output=" + dir.resolve("pk.csv"));
    }

    @Test
    void aNegativeBoxSizeIsCalledNegative() throws Exception {
        Path npy = dir.resolve("psi.npy");
        assertEquals(0, cli("lpt", "grid=8", "output=" + npy).code());
        refused(dir, "box_size must be a positive number of Mpc/h, got -64.0", "power-spectrum", "input=" + npy,
                "box_size=-64", "output=" + dir.resolve("pk.csv"));
    }

    @Test
    void tooManyPointsNameThePointsKey() throws Exception {
        refused(dir, "points must be in [2, 1000000], got 2000000000", "linear-power", "points=2000000000",
                "output=" + dir.resolve("pk.csv"));
    }

    @Test
    void aBenchmarkOutputOfTheWrongKindIsRefusedBeforeTheRun() throws Exception {
        Path npy = dir.resolve("x.npy");
        refused(dir, "output=" + npy + ": the table is written into a Markdown file; the name must end in .md", "benchmark",
                "quick=true", "parts=pm", "output=" + npy);
    }

    @Test
    void aSnapshotsBoxSizeMayNotBeContradicted() throws Exception {
        FastPmFixture fx = FastPmFixture.seed(101);
        Path snap = fx.file("fastpm_1.0000");
        refused(dir, "box_size 64.0 Mpc/h contradicts the BoxSize 128.0", "paint-density", "input=" + snap, "box_size=64",
                "output=" + dir.resolve("d.npy"));
        Result same = cli("paint-density", "input=" + snap, "box_size=128", "output=" + dir.resolve("d.npy"));
        assertEquals(0, same.code(), same.err());
    }
}
