package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a dialog's field input (an image choice over a file field) becomes the key's value. */
class BridgeDialogTest {

    @Test
    void aTypedPathWinsWhateverTheChoiceSays() {
        // the review's steps: Power Spectrum with an image open, a .tif path typed into "Field file"
        assertEquals("/data/fastpm.tif", BridgeDialog.fieldInput("FastPM displacement seed=42 z=0", "/data/fastpm.tif"));
        assertEquals("/data/fastpm.tif", BridgeDialog.fieldInput(BridgeDialog.NONE_CHOICE, " /data/fastpm.tif "));
        assertEquals("/data/fastpm.tif", BridgeDialog.fieldInput(BridgeDialog.FILE_CHOICE, "/data/fastpm.tif"));
        assertEquals("FastPM displacement seed=42 z=0", BridgeDialog.fieldInput("FastPM displacement seed=42 z=0", " "),
                "no path typed: the chosen image");
        assertEquals("", BridgeDialog.fieldInput(BridgeDialog.NONE_CHOICE, ""));
        assertEquals("", BridgeDialog.fieldInput(BridgeDialog.FILE_CHOICE, ""), "file chosen, none typed: empty (refused later)");
    }
}
