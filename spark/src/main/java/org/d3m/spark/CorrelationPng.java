package org.d3m.spark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A correlation matrix as a PNG: one square per pair of k bins, blue (-1) through white (0) to red
 * (+1), k increasing to the right and downwards, with the k range and a colour bar. Headless.
 */
final class CorrelationPng {

    private static final int SIZE = 480;
    private static final int MARGIN = 60;

    private CorrelationPng() {
    }

    static byte[] png(double[][] corr, double[] k, String title) {
        int n = corr.length;
        int w = SIZE + 2 * MARGIN + 60;
        int h = SIZE + 2 * MARGIN;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            double cell = (double) SIZE / Math.max(1, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    g.setColor(color(corr[i][j]));
                    int x0 = MARGIN + (int) Math.round(j * cell);
                    int y0 = MARGIN + (int) Math.round(i * cell);
                    g.fillRect(x0, y0, MARGIN + (int) Math.round((j + 1) * cell) - x0, MARGIN + (int) Math.round((i + 1) * cell) - y0);
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawRect(MARGIN, MARGIN, SIZE, SIZE);
            int bx = MARGIN + SIZE + 20;
            for (int y = 0; y < SIZE; y++) {
                g.setColor(color(1 - 2.0 * y / (SIZE - 1)));
                g.drawLine(bx, MARGIN + y, bx + 20, MARGIN + y);
            }
            g.setColor(Color.BLACK);
            g.drawRect(bx, MARGIN, 20, SIZE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("+1", bx + 24, MARGIN + 10);
            g.drawString("0", bx + 24, MARGIN + SIZE / 2 + 4);
            g.drawString("-1", bx + 24, MARGIN + SIZE);
            g.drawString(title, MARGIN, MARGIN - 30);
            if (n > 0) {
                String range = String.format(Locale.ROOT, "k = %.3f ... %.3f h/Mpc (%d bins), left to right and top to bottom",
                        k[0], k[n - 1], n);
                g.drawString(range, MARGIN, MARGIN - 12);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Blue - white - red for -1 .. 1; grey for NaN. */
    static Color color(double v) {
        if (Double.isNaN(v)) {
            return Color.LIGHT_GRAY;
        }
        double t = Math.max(-1, Math.min(1, v));
        int a = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? new Color(255, a, a) : new Color(a, a, 255);
    }
}
