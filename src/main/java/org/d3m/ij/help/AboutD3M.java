package org.d3m.ij.help;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import org.d3m.core.io.Provenance;
import org.d3m.ij.bridge.UserGuide;

/**
 * Plugins &gt; D3M &gt; About D3M... and Help &gt; About Plugins &gt; D3M for Fiji...: the version,
 * the paper to cite, and a "User Guide" button that shows the whole user guide (bundled in the
 * jar, {@link UserGuide}). In a macro or headless, the text goes to the Log.
 */
public class AboutD3M implements PlugIn {

    /** The paper D3M for Fiji re-implements. */
    public static final String CITATION = "S. He, Y. Li, Y. Feng, S. Ho, S. Ravanbakhsh, W. Chen and B. P\u00f3czos,\n"
            + "\"Learning to predict the cosmological structure formation\",\n"
            + "PNAS 116 (28), 13825-13832 (2019), doi:10.1073/pnas.1821458116";

    @Override
    public void run(String arg) {
        if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode() || IJ.getInstance() == null) {
            IJ.log(text());
            return;
        }
        GenericDialog gd = new GenericDialog("About D3M");
        String[] parts = text().split("\n\n");
        gd.addMessage(parts[0], new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14));
        for (int i = 1; i < parts.length; i++) {
            gd.setInsets(10, 20, 0);
            gd.addMessage(parts[i]);
        }
        gd.addHelp("<html><body style='width:640px'>" + UserGuide.html(UserGuide.markdown()) + "</body></html>");
        gd.setHelpLabel("User Guide");
        gd.hideCancelButton();
        gd.showDialog();
    }

    /** The About text: name and version, what it is, the citation, where the guide is. */
    public static String text() {
        return "D3M for Fiji " + Provenance.version() + "\n\n"
                + "Generate, simulate, emulate and measure 3D cosmological large-scale structure:\n"
                + "a Java re-implementation of the Deep Density Displacement Model (D3M).\n\n"
                + "If you use it, please cite:\n" + CITATION + "\n\n"
                + "User guide: the \"User Guide\" button below, the Help button of every D3M dialog,\n"
                + "or docs/user-guide.md in the sources.";
    }
}
