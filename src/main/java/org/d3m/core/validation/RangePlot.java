package org.d3m.core.validation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.d3m.core.io.AtomicFiles;

/**
 * D3M's point-wise error as a fraction of 2LPT's against sigma8 at the output redshift (log axis),
 * one point per cosmology with its seed scatter, coloured by Omega_m (blue 0.1 to red 0.5); dashed lines
 * at 0.5 and 0.3. A PNG drawn headless (no window); text is skipped if the JVM has no usable fonts.
 */
public final class RangePlot {

    private static final int W = 800;
    private static final int H = 520;
    private static final int L = 80;
    private static final int R = 30;
    private static final int T = 40;
    private static final int B = 60;

    private RangePlot() {
    }

    /** Writes the plot atomically to {@code file}. */
    public static void write(Path file, List<RangeValidation.Row> rows) throws IOException {
        BufferedImage img = render(rows);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    static BufferedImage render(List<RangeValidation.Row> rows) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            double xlo = 0.05;
            double xhi = 2;
            double yhi = 1.2;
            for (RangeValidation.Row r : rows) {
                xlo = Math.min(xlo, r.sigma8AtZ() * 0.8);
                xhi = Math.max(xhi, r.sigma8AtZ() * 1.25);
                yhi = Math.max(yhi, r.ratio() + r.ratioSd() + 0.1);
            }
            final double lx0 = Math.log(xlo);
            final double lx1 = Math.log(xhi);
            final double ymax = yhi;
            java.util.function.DoubleUnaryOperator px = x -> L + (Math.log(x) - lx0) / (lx1 - lx0) * (W - L - R);
            java.util.function.DoubleUnaryOperator py = y -> H - B - y / ymax * (H - T - B);
            g.setColor(Color.BLACK);
            g.drawRect(L, T, W - L - R, H - T - B);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6, 4}, 0));
            for (double y : new double[] {0.3, 0.5, 1.0}) {
                g.setColor(y == 1.0 ? Color.GRAY : new Color(0, 130, 0));
                int yy = (int) py.applyAsDouble(y);
                g.drawLine(L, yy, W - R, yy);
            }
            g.setStroke(new BasicStroke(1.5f));
            for (RangeValidation.Row r : rows) {
                double t = Math.max(0, Math.min(1, (r.point().omegaM() - 0.1) / 0.4));
                g.setColor(new Color((int) (255 * t), 40, (int) (255 * (1 - t))));
                int x = (int) px.applyAsDouble(r.sigma8AtZ());
                int y = (int) py.applyAsDouble(r.ratio());
                int y0 = (int) py.applyAsDouble(Math.max(0, r.ratio() - r.ratioSd()));
                int y1 = (int) py.applyAsDouble(r.ratio() + r.ratioSd());
                g.drawLine(x, y0, x, y1);
                g.fillOval(x - 5, y - 5, 10, 10);
            }
            labels(g, px, py, xlo, xhi, ymax);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void labels(Graphics2D g, java.util.function.DoubleUnaryOperator px,
            java.util.function.DoubleUnaryOperator py, double xlo, double xhi, double ymax) {
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(Color.BLACK);
            for (double x : new double[] {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0}) {
                if (x >= xlo && x <= xhi) {
                    int xx = (int) px.applyAsDouble(x);
                    g.drawLine(xx, H - B, xx, H - B + 5);
                    g.drawString(String.format(Locale.ROOT, "%.2g", x), xx - 10, H - B + 20);
                }
            }
            for (double y = 0; y <= ymax + 1e-9; y += 0.2) {
                int yy = (int) py.applyAsDouble(y);
                g.drawLine(L - 5, yy, L, yy);
                g.drawString(String.format(Locale.ROOT, "%.1f", y), L - 35, yy + 5);
            }
            g.drawString("sigma8 at the output redshift", W / 2 - 90, H - 15);
            g.drawString("D3M / 2LPT point-wise error (colour: Omega_m 0.1 blue .. 0.5 red; dashed: 0.3, 0.5, 1)", L, T - 12);
        } catch (RuntimeException | Error e) {
            // no fonts on this JVM: the plot without text
        }
    }
}
