package org.d3m.ij.fields;

import org.scijava.Priority;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.d3m.ij.Commands;

/**
 * Marks the unset ImgLib2 inputs ({@link FieldImgs}) of D3M commands as resolved, before any input
 * harvester runs. SciJava's dialogs (Fiji's) build a widget for every unresolved input, and an
 * image chooser for an optional {@code *_img} input would pick an open image by itself and
 * override the command's text {@code input}. Scripts that pass an image set it before
 * preprocessing, so it is kept.
 */
@Plugin(type = PreprocessorPlugin.class, priority = Priority.HIGH)
public class ImgInputsPreprocessor extends AbstractPreprocessorPlugin {

    @Override
    public void process(Module module) {
        if (!module.getInfo().getDelegateClassName().startsWith(Commands.PACKAGE_PREFIX)) {
            return;
        }
        for (ModuleItem<?> item : module.getInfo().inputs()) {
            if (FieldImgs.isImg(item) && item.getValue(module) == null) {
                module.resolveInput(item.getName());
            }
        }
    }
}
