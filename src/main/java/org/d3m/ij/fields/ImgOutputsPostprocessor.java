package org.d3m.ij.fields;

import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPostprocessorPlugin;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.d3m.ij.Commands;

/**
 * Marks the ImgLib2 outputs ({@link FieldImgs}) of D3M commands as resolved, so that display
 * postprocessors (SciJava's DisplayPostprocessor, priority -10000, shows every unresolved output)
 * leave them alone: each is a view of an ImagePlus output that is shown already. The values stay
 * readable with {@code module.getOutput(name)}.
 */
@Plugin(type = PostprocessorPlugin.class, priority = Priority.HIGH)
public class ImgOutputsPostprocessor extends AbstractPostprocessorPlugin {

    @Override
    public void process(Module module) {
        if (!module.getInfo().getDelegateClassName().startsWith(Commands.PACKAGE_PREFIX)) {
            return;
        }
        for (ModuleItem<?> item : module.getInfo().outputs()) {
            if (FieldImgs.isImg(item)) {
                module.resolveOutput(item.getName());
            }
        }
    }
}
