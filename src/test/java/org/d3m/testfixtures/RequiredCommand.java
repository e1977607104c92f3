package org.d3m.testfixtures;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Test fixture: a mandatory key (no default) and a command that fails with a clear message. */
@Plugin(type = Command.class, name = "fixture-required", menuPath = "Plugins>D3M Test>Required Key...")
public class RequiredCommand implements Command {

    @Parameter(description = "must be given")
    Long seed;
    @Parameter
    int grid = 8;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        if (grid % 2 != 0) {
            throw new IllegalArgumentException("grid must be even, got " + grid);
        }
        summary = "seed=" + seed;
    }
}
