package org.d3m.ij.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.d3m.ij.results.Plots;

/** TIFF/npy round trips by extension, calibration and Info, sidecars, atomic writes, FieldSource, Plots. */
class FieldFilesTest {

    @TempDir
    Path dir;

    static VectorField vector() {
        ScalarField a = FieldImagesTest.coded();
        float[] b = FieldImagesTest.small(a.data());
        b[5] = -2.5f;
        return new VectorField(a.box(), new float[][] {FieldImagesTest.small(a.data()), b, new float[a.box().cells()]});
    }

    @Test
    void tiffScalarRoundTripKeepsValuesCalibrationAndInfo() {
        File f = dir.resolve("delta.tif").toFile();
        Provenance p = Provenance.of("test density").put("seed", 7).put("a_s", 2.142e-9);
        FieldFiles.write(f, FieldImagesTest.coded(), p);
        ScalarField back = FieldFiles.readScalar(f, -1);
        assertEquals(64.0, back.box().size(), "box size from the calibration");
        assertArrayEquals(FieldImagesTest.coded().data(), back.data());
        ImagePlus imp = FieldFiles.readTiff(f);
        assertEquals("Mpc/h", imp.getCalibration().getUnit());
        assertEquals(8.0, imp.getCalibration().pixelDepth);
        assertTrue(((String) imp.getProperty("Info")).contains("a_s = 2.142E-9"), (String) imp.getProperty("Info"));
        assertTrue(Files.exists(dir.resolve("delta.tif.json")), "sidecar");
        assertEquals("7", Provenance.parseJson(readString(dir.resolve("delta.tif.json"))).get("seed"));
        assertEquals(2, dirCount(), "no temporary files left: only the tif and its json");
    }

    @Test
    void tiffVectorRoundTripIsThreeChannelHyperstack() {
        File f = dir.resolve("psi.tiff").toFile();
        FieldFiles.write(f, vector(), Provenance.of("test displacement"));
        ImagePlus imp = FieldFiles.readTiff(f);
        assertEquals(3, imp.getNChannels());
        assertEquals(8, imp.getNSlices());
        VectorField back = FieldFiles.readVector(f, 0);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(vector().c()[c], back.c()[c]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldFiles.readScalar(f, 0));
        assertTrue(e.getMessage().startsWith("image 'psi.tiff' must be a single-channel stack"), e.getMessage());
    }

    @Test
    void npyRoundTripNeedsABoxSize() {
        File f = dir.resolve("psi.npy").toFile();
        FieldFiles.write(f, vector(), Provenance.of("x"));
        assertEquals("psi.npy: a .npy file has no box size; give box_size (Mpc/h)",
                assertThrows(IllegalArgumentException.class, () -> FieldFiles.readVector(f, 0)).getMessage());
        VectorField back = FieldFiles.readVector(f, 64);
        assertArrayEquals(vector().y(), back.y());
        assertEquals(64.0, back.box().size());
        assertTrue(Files.exists(dir.resolve("psi.npy.json")));
    }

    @Test
    void badExtensionsAndMissingFolders() {
        assertThrows(IllegalArgumentException.class, () -> FieldFiles.checkWritable(dir.resolve("a.png").toFile()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldFiles.write(dir.resolve("no/a.tif").toFile(), FieldImagesTest.coded(), null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals(0, dirCount());
    }

    @Test
    void fieldSourceReadsFilesAndExplainsBadInput() {
        File f = dir.resolve("d.tif").toFile();
        FieldFiles.write(f, FieldImagesTest.coded(), null);
        assertEquals(388.5, FieldSource.scalar(f.getPath(), 0).mean(), 1e-9);
        assertEquals("input 'nope' is neither an open image nor an existing file",
                assertThrows(IllegalArgumentException.class, () -> FieldSource.scalar("nope", 0)).getMessage());
        assertEquals("input 'current': no image is open; give a .tif/.tiff/.npy file",
                assertThrows(IllegalArgumentException.class, () -> FieldSource.vector("current", 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldSource.vector(f.getPath(), 0)).getMessage()
                .contains("must be a 3-channel stack of n^3"));
    }

    @Test
    void plotsAndTablesSaveHeadless() throws Exception {
        double[] k = {0.05, 0.1, 0.2, 0.4};
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("ZA", new double[] {1000, 500, 100, 10});
        s.put("FastPM", new double[] {1100, 600, 0, 20});   // 0 is dropped on a log axis
        Plot plot = Plots.plot("P(k)", "k [h/Mpc]", "P(k) [(Mpc/h)^3]", true, true, k, s);
        File png = dir.resolve("pk.png").toFile();
        Plots.savePng(plot, png);
        ImagePlus shown = new ij.io.Opener().openImage(png.getPath());
        assertTrue(shown.getWidth() > 200 && shown.getHeight() > 100, "rendered PNG");
        assertTrue(plot.getXValues().length == 4);
        ResultsTable rt = Plots.table(Map.of("k", k));
        File csv = dir.resolve("pk.csv").toFile();
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("k_h_Mpc", k);
        cols.put("P_ZA", s.get("ZA"));
        Plots.saveCsv(Plots.table(cols), csv);
        String text = readString(csv.toPath());
        assertTrue(text.startsWith("k_h_Mpc,P_ZA"), text);
        assertEquals(5, text.strip().split("\n").length, text);
        assertEquals(0.05, Double.parseDouble(text.split("\n")[1].split(",")[0]), 1e-12);
        assertEquals(1, rt.getCounter() > 0 ? 1 : 0);
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temp files");
        assertThrows(IllegalArgumentException.class,
                () -> Plots.plot("t", "x", "y", false, false, k, Map.of("bad", new double[3])));
    }

    private long dirCount() {
        try (var s = Files.list(dir)) {
            return s.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
