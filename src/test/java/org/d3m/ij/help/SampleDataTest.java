package org.d3m.ij.help;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import ij.CompositeImage;
import ij.ImagePlus;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.d3m.ij.fields.FieldFiles;
import org.d3m.ij.fields.FieldImages;

/**
 * File &gt; Open Samples &gt; D3M: the generated samples are bit-identical to the repository's
 * sample-data/ files (made by ./d3m lpt, simulate and paint-density, see sample-data/make.sh), with
 * the titles, layout and calibration of the command outputs.
 */
class SampleDataTest {

    private static final File DATA = new File("sample-data");

    @Test
    void zaSampleEqualsTheCommittedFileMadeByLpt() {
        ImagePlus imp = SampleData.create(SampleData.Sample.ZA, Progress.NONE);
        assertEquals("ZA displacement seed=42 z=0", imp.getTitle());
        assertTrue(imp instanceof CompositeImage && imp.getNChannels() == 3 && imp.getNSlices() == 32, "3-channel 32^3 hyperstack");
        assertEquals(4.0, imp.getCalibration().pixelWidth, "128 Mpc/h / 32");
        assertEquals("Mpc/h", imp.getCalibration().getUnit());
        String info = (String) imp.getProperty("Info");
        assertTrue(info.contains("seed") && info.contains("42") && info.contains("File > Open Samples > D3M"), info);
        assertSameVector(FieldFiles.readVector(new File(DATA, "za-displacement.tif"), 0), FieldImages.toVector(imp, 0));
    }

    @Test
    void fastPmSamplesEqualTheCommittedFilesMadeBySimulateAndPaintDensity() {
        ImagePlus psi = SampleData.create(SampleData.Sample.FASTPM, Progress.NONE);
        assertEquals("FastPM displacement seed=42 z=0", psi.getTitle());
        assertSameVector(FieldFiles.readVector(new File(DATA, "fastpm-displacement.tif"), 0), FieldImages.toVector(psi, 0));
        ImagePlus rho = SampleData.create(SampleData.Sample.FASTPM_DENSITY, Progress.NONE);
        assertEquals("FastPM density seed=42 z=0", rho.getTitle());
        assertEquals(1, rho.getNChannels());
        ScalarField expected = FieldFiles.readScalar(new File(DATA, "fastpm-density.tif"), 0);
        ScalarField actual = FieldImages.toScalar(rho, 0);
        assertEquals(expected.box(), actual.box());
        assertArrayEquals(expected.data(), actual.data(), "CIC density of the FastPM sample, bit for bit");
    }

    @Test
    void unknownSampleIsAOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleData.Sample.of("nbody"));
        assertEquals("unknown sample 'nbody'; known: za, fastpm, fastpm-density", e.getMessage());
        assertEquals(SampleData.Sample.FASTPM_DENSITY, SampleData.Sample.of(" FastPM-Density "));
    }

    private static void assertSameVector(VectorField expected, VectorField actual) {
        assertEquals(expected.box(), actual.box());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected.c()[i], actual.c()[i], "component " + i + ", bit for bit");
        }
    }
}
