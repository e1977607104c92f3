package org.d3m.core.emulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The loss curve as a PNG (headless-safe: a BufferedImage, no window): per-step training loss in
 * grey, per-epoch mean training loss in blue, validation loss in red, the identity map's validation
 * loss as a dashed green line; logarithmic loss axis, training step on the x axis. Text is skipped
 * if the JVM has no usable fonts.
 */
public final class LossPlot {

    private static final int W = 800;
    private static final int H = 500;
    private static final int L = 80;
    private static final int R = 20;
    private static final int T = 40;
    private static final int B = 60;

    private LossPlot() {
    }

    /** Writes the plot atomically to {@code file}. */
    public static void write(Path file, List<Float> stepLosses, List<Trainer.EpochLog> epochs, double identity) {
        write(file, stepLosses, epochs, identity, false);
    }

    /**
     * Writes the plot; {@code relative} labels a conditioned network's loss (squared error relative to 2LPT's,
     * whose line is the baseline) instead of an MSE in (Mpc/h)^2 with the identity map as baseline.
     */
    public static void write(Path file, List<Float> stepLosses, List<Trainer.EpochLog> epochs, double identity,
            boolean relative) {
        BufferedImage img = render(stepLosses, epochs, identity, relative);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    static BufferedImage render(List<Float> steps, List<Trainer.EpochLog> epochs, double identity) {
        return render(steps, epochs, identity, false);
    }

    static BufferedImage render(List<Float> steps, List<Trainer.EpochLog> epochs, double identity, boolean relative) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : steps) {
                if (v > 0 && Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            for (Trainer.EpochLog e : epochs) {
                for (double v : new double[] {e.trainLoss(), e.valLoss()}) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (identity > 0 && Double.isFinite(identity)) {
                lo = Math.min(lo, identity);
                hi = Math.max(hi, identity);
            }
            if (!(lo < hi)) {
                lo = lo > 0 && Double.isFinite(lo) ? lo / 2 : 1e-3;
                hi = lo * 4;
            }
            double ylo = Math.floor(Math.log10(lo));
            double yhi = Math.ceil(Math.log10(hi));
            double xmax = Math.max(1, steps.size());
            Frame f = new Frame(xmax, ylo, yhi);
            // axes, decade grid and labels
            for (int d = (int) ylo; d <= (int) yhi; d++) {
                int y = f.y(Math.pow(10, d));
                g.setColor(new Color(230, 230, 230));
                g.drawLine(L + 1, y, W - R - 1, y);
                g.setColor(Color.BLACK);
                text(g, "1e" + d, 10, y + 5);
            }
            for (int i = 0; i <= 5; i++) {
                double s = xmax * i / 5;
                int x = f.x(s);
                g.drawLine(x, H - B, x, H - B + 5);
                text(g, String.valueOf(Math.round(s)), x - 10, H - B + 20);
            }
            text(g, "training step", W / 2 - 40, H - 15);
            text(g, relative ? "loss / 2LPT's" : "MSE loss [(Mpc/h)^2]", 10, T - 15);
            text(g, "grey: step loss   blue: epoch train   red: validation   green: " + (relative ? "2LPT (= 1)"
                    : "identity map (val)"), L + 150, T - 15);
            g.setColor(new Color(170, 170, 170));
            for (int i = 0; i < steps.size(); i++) {
                float v = steps.get(i);
                if (v > 0 && Float.isFinite(v)) {
                    g.fillRect(f.x(i + 1) - 1, f.y(v) - 1, 2, 2);
                }
            }
            if (identity > 0 && Double.isFinite(identity)) {
                g.setColor(new Color(0, 150, 0));
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
                g.drawLine(L, f.y(identity), W - R, f.y(identity));
            }
            g.setStroke(new BasicStroke(2f));
            curve(g, f, epochs, true, new Color(30, 80, 220));
            curve(g, f, epochs, false, new Color(220, 30, 30));
            // frame last, without antialiasing, so that grid lines and curves do not hide it
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.BLACK);
            g.drawRect(L, T, W - L - R, H - T - B);
            for (int d = (int) ylo; d <= (int) yhi; d++) {
                g.drawLine(L - 5, f.y(Math.pow(10, d)), L, f.y(Math.pow(10, d)));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void curve(Graphics2D g, Frame f, List<Trainer.EpochLog> epochs, boolean train, Color c) {
        g.setColor(c);
        int px = -1;
        int py = -1;
        for (Trainer.EpochLog e : epochs) {
            double v = train ? e.trainLoss() : e.valLoss();
            if (!(v > 0) || !Double.isFinite(v)) {
                continue;
            }
            int x = f.x(e.step());
            int y = f.y(v);
            g.fillOval(x - 3, y - 3, 7, 7);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static void text(Graphics2D g, String s, int x, int y) {
        try {
            g.drawString(s, x, y);
        } catch (RuntimeException | Error e) {
            // no fonts in this JVM: keep the plot without text
        }
    }

    private record Frame(double xmax, double ylo, double yhi) {
        int x(double step) {
            return L + (int) Math.round((W - L - R) * step / xmax);
        }

        int y(double v) {
            double t = (Math.log10(v) - ylo) / (yhi - ylo);
            return H - B - (int) Math.round((H - T - B) * t);
        }
    }

}
