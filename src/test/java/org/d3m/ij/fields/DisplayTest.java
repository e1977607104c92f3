package org.d3m.ij.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The zoom at which {@link Display} opens a field window (moved here from ParamUiTest). */
class DisplayTest {

    @Test
    void initialZoomMakesSmallStacksReadable() {
        assertEquals(16, Display.initialZoom(32, 32, 1280, 1000));
        assertEquals(4, Display.initialZoom(128, 128, 1280, 1000));
        assertEquals(1, Display.initialZoom(512, 512, 1280, 1000));
        assertEquals(8, Display.initialZoom(32, 32, 1280, 400), "lowered to fit a small screen");
        assertEquals(1, Display.initialZoom(2048, 2048, 1280, 1000), "never below 100%");
    }
}
