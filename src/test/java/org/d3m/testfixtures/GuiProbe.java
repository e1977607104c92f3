package org.d3m.testfixtures;

import ij.plugin.frame.Recorder;

/** Test fixture for GUI tests: reads ImageJ 1 state that macros cannot reach directly. */
public final class GuiProbe {

    private GuiProbe() {
    }

    /** The Macro Recorder's text ("" when it is not open); called from a macro with call(). */
    public static String recorderText() {
        Recorder r = Recorder.getInstance();
        return r == null ? "" : r.getText();
    }
}
