package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ij.ImagePlus;
import ij.gui.NewImage;

import org.junit.jupiter.api.Test;

/** Which open images a field input offers, and which one it preselects. */
class ImageChoicesTest {

    static ImagePlus image(String title, int w, int h, int c, int z) {
        ImagePlus imp = NewImage.createFloatImage(title, w, h, c * z, NewImage.FILL_BLACK);
        imp.setDimensions(c, z, 1);
        return imp;
    }

    @Test
    void kindsOfImages() {
        ImagePlus disp = image("disp", 8, 8, 3, 8);
        ImagePlus dens = image("dens", 8, 8, 1, 8);
        ImagePlus plot = image("P(k)", 696, 405, 1, 1);
        ImagePlus flat = image("slab", 8, 8, 1, 4);
        assertTrue(ImageChoices.accepts(disp, ParamUi.Kind.DISPLACEMENT));
        assertFalse(ImageChoices.accepts(dens, ParamUi.Kind.DISPLACEMENT));
        assertTrue(ImageChoices.accepts(dens, ParamUi.Kind.DENSITY));
        assertFalse(ImageChoices.accepts(disp, ParamUi.Kind.DENSITY));
        assertTrue(ImageChoices.accepts(disp, ParamUi.Kind.ANY) && ImageChoices.accepts(dens, ParamUi.Kind.ANY));
        for (ParamUi.Kind k : ParamUi.Kind.values()) {
            assertFalse(ImageChoices.accepts(plot, k), "never a plot: " + k);
            assertFalse(ImageChoices.accepts(flat, k), "never a non-cube: " + k);
        }
    }

    @Test
    void preselection() {
        ImagePlus a = image("a", 8, 8, 3, 8);
        ImagePlus b = image("b", 8, 8, 3, 8);
        ImagePlus c = image("c", 8, 8, 3, 8);
        List<ImagePlus> all = List.of(a, b, c);
        assertEquals(b, ImageChoices.preselect(all, b, List.of()), "the current image when it fits");
        assertEquals(c, ImageChoices.preselect(all, b, List.of(b)), "else the newest not taken (Compare: prediction)");
        assertEquals(c, ImageChoices.preselect(all, null, List.of()), "no current image: the newest");
        assertNull(ImageChoices.preselect(List.of(), a, List.of()), "nothing fits");
    }

    static ImagePlus field(String title, String what) {
        ImagePlus imp = image(title, 8, 8, 3, 8);
        if (what != null) {
            imp.setProperty("Info", "what = " + what + "\nseed = 42\n");
        }
        return imp;
    }

    @Test
    void anInputThatWantsZaPrefersZaFields() {
        assertEquals("ZA", ImageChoices.wantedKind("ZA displacement (open image, 'current' or .tif/.npy)"));
        assertNull(ImageChoices.wantedKind("true displacement: open image title"));
        ImagePlus za = field("za", "ZA displacement");
        ImagePlus fastpm = field("fastpm", "FastPM displacement");
        ImagePlus bare = field("bare", null);
        ImagePlus lpt2 = field("2lpt", "2LPT displacement");
        assertEquals("ZA", ImageChoices.kindOf(za));
        assertEquals("FastPM", ImageChoices.kindOf(fastpm));
        assertNull(ImageChoices.kindOf(bare));
        List<ImagePlus> all = List.of(bare, za, fastpm, lpt2);
        assertEquals(List.of(za, fastpm, lpt2, bare), ImageChoices.ordered(all, "ZA"), "ZA first, no provenance last");
        assertEquals(all, ImageChoices.ordered(all, null));
        // the review's steps: ICs (ZA), then FastPM, current; Emulate must preselect the ZA field
        assertEquals(za, ImageChoices.preselect(all, fastpm, List.of(), "ZA"));
        assertEquals(bare, ImageChoices.preselect(List.of(bare, fastpm), fastpm, List.of(), "ZA"),
                "no ZA field: one without provenance, never a field of another kind");
        assertNull(ImageChoices.preselect(List.of(fastpm, lpt2), fastpm, List.of(), "ZA"));
        assertEquals(fastpm, ImageChoices.preselect(all, fastpm, List.of(), null), "no wanted kind: the current image");
    }
}
