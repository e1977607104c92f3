package org.d3m.testfixtures;

import java.io.File;

import org.d3m.ij.ParamText;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Test fixture: every supported parameter type; echoes the values it received. */
@Plugin(type = Command.class, name = "fixture-echo", menuPath = "Plugins>D3M Test>Echo Parameters...")
public class EchoCommand implements Command {

    /** An enumerated choice. */
    public enum Order { FIRST, SECOND }

    @Parameter(description = "grid points per side", min = "2")
    int grid = 32;
    @Parameter
    long seed = 7;
    @Parameter(description = "amplitude [1]")
    double a_s = 2.142e-9;
    @Parameter(description = "box side [Mpc/h]")
    double box_size = 128;
    @Parameter
    boolean flag;
    @Parameter(description = "a box that is on by default")
    boolean on = true;
    @Parameter(choices = {"za", "2lpt", "fastpm"})
    String mode = "za";
    @Parameter
    Order order = Order.FIRST;
    @Parameter
    String label = "hello world";
    @Parameter(required = false)
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        summary = "grid=" + grid + " seed=" + seed + " a_s=" + ParamText.format(a_s) + " box_size=" + ParamText.format(box_size)
                + " flag=" + flag + " mode=" + mode + " order=" + ParamText.format(order) + " label=[" + label + "]"
                + " output=" + (output == null ? "" : output.getPath());
    }
}
