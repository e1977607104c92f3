package org.d3m.ij.fields;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;

import ij.ImagePlus;
import ij.gui.GUI;
import ij.gui.ImageWindow;
import ij.plugin.Zoom;

/**
 * Shows a field image as a person wants to see it: a 32-pixel-wide stack at 100% is a stamp, so
 * the window opens at the zoom that makes it at least {@value #MIN_WIDTH} pixels wide (a power of
 * two, so voxels stay square blocks), as long as it fits on the screen.
 */
public final class Display {

    /** Smallest width [screen pixels] of a new image's canvas. */
    public static final int MIN_WIDTH = 400;

    private Display() {
    }

    /** Shows {@code imp} (a batch-mode image in a macro) and zooms its new window. */
    public static void show(ImagePlus imp) {
        imp.show();
        ImageWindow win = imp.getWindow();
        if (win == null || GraphicsEnvironment.isHeadless()) {
            return;
        }
        Rectangle screen = GUI.getScreenBounds(win);
        double mag = initialZoom(imp.getWidth(), imp.getHeight(), screen == null ? 0 : screen.width,
                screen == null ? 0 : screen.height);
        if (mag > 1) {
            Zoom.set(imp, mag);
        }
    }

    /**
     * The zoom for an image of {@code width} x {@code height} pixels: the smallest power of two
     * that makes it at least {@value #MIN_WIDTH} pixels wide, lowered until the image fits in 80%
     * of the screen ({@code screenWidth}, {@code screenHeight}; 0 = unknown); never below 1.
     */
    static double initialZoom(int width, int height, int screenWidth, int screenHeight) {
        double mag = 1;
        while (width * mag < MIN_WIDTH && mag < 32) {
            mag *= 2;
        }
        while (mag > 1 && ((screenWidth > 0 && width * mag > 0.8 * screenWidth)
                || (screenHeight > 0 && height * mag > 0.8 * screenHeight))) {
            mag /= 2;
        }
        return mag;
    }
}
