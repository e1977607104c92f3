package org.d3m.core.emulator;

import ai.djl.Device;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.io.FolderLock;
import org.d3m.core.io.TempFiles;
import org.d3m.core.progress.Progress;

/**
 * Trains a {@link D3mNet} on a {@link Dataset}: Adam ({@link Adam}, torch semantics), MSE on the
 * displacement [(Mpc/h)^2], optional augmentation by the 48 {@link CubeSymmetry cube symmetries},
 * validation loss every epoch, the best model by validation loss kept in {@code best.d3mw}.
 *
 * <p><b>Determinism and resume.</b> Initial weights come from {@code seed}; the sample order of
 * epoch e is a permutation drawn from (seed, e) and the symmetry of each slot from (seed, e, step,
 * slot), so the data stream is a pure function of the seed. A checkpoint ({@code checkpoint.d3mc})
 * is written at step boundaries every {@code checkpointEverySteps} steps and/or
 * {@code checkpointEverySeconds} seconds, at every epoch end and at the end. It holds all weights
 * and BN statistics, the Adam state, the position (epoch, step) and the loss history. Calling
 * {@link #train} again on the same output folder resumes from it; on CPU with the same thread count
 * the result equals an uninterrupted run. Cancelling through {@link Progress} (checked before every
 * step and every validation batch) brings the checkpoint up to the current step and throws
 * {@link Progress.StoppedException} "stopped at step N; resume with the same command"; a kill loses the
 * steps since the last checkpoint, which a resume redoes.
 *
 * <p>Outputs in the output folder: {@code best.d3mw}, {@code final.d3mw}, {@code checkpoint.d3mc},
 * {@code losses.csv} (per epoch), {@code steps.csv} (per step), {@code loss.png}. One run per
 * output folder: it is locked ({@link FolderLock}) for the whole run, and stale temporary files of
 * these outputs (a killed run's) are removed on start.
 */
public final class Trainer {

    public static final String BEST = "best.d3mw";
    public static final String FINAL = "final.d3mw";
    public static final String CHECKPOINT = "checkpoint.d3mc";
    /** Learning-rate schedules. */
    public static final String CONSTANT = "constant";
    public static final String COSINE = "cosine";
    static final int CKPT_MAGIC = 0x44334d43;
    /** Every file a training run writes into its output folder. */
    public static final List<String> OUTPUTS = List.of(BEST, FINAL, CHECKPOINT, "losses.csv", "steps.csv", "loss.png");

    private Trainer() {
    }

    /**
     * Training settings.
     *
     * @param width                  base channel count (64 in the paper)
     * @param batch                  samples per step
     * @param epochs                 passes over the training split
     * @param learningRate           Adam learning rate (paper 1e-4); the peak of a cosine schedule
     * @param schedule               "constant" (the paper) or "cosine": the rate falls from
     *                               {@code learningRate} to {@code minLearningRate} over all steps
     * @param minLearningRate        the cosine schedule's final rate
     * @param weightDecay            L2 weight decay added to the gradient (paper 1e-4)
     * @param threads                libtorch intra-op threads (&lt; 1: one per core)
     * @param seed                   seed of the initial weights, data order and augmentation
     * @param residual               predict the correction to ZA (global residual); paper: false
     * @param augment                random cube symmetry per sample and step
     * @param checkpointEverySteps   checkpoint every this many steps (0: off)
     * @param checkpointEverySeconds checkpoint when this many seconds passed since the last (0: off)
     * @param device                 auto, cpu or gpu
     * @param notes                  free text stored in the weights file (e.g. the command line)
     * @param conditioning           how the network is told each sample's cosmology ({@link Conditioning}); a
     *                               conditioned network trains in the {@link ResidualFrame} with the loss
     *                               weighted per sample by 1 / its 2LPT error
     */
    public record Config(int width, int batch, int epochs, double learningRate, double weightDecay, int threads,
            long seed, boolean residual, boolean augment, int checkpointEverySteps, double checkpointEverySeconds,
            String device, String notes, String schedule, double minLearningRate, Conditioning conditioning) {

        /** Settings of an unconditioned network. */
        public Config(int width, int batch, int epochs, double learningRate, double weightDecay, int threads,
                long seed, boolean residual, boolean augment, int checkpointEverySteps, double checkpointEverySeconds,
                String device, String notes, String schedule, double minLearningRate) {
            this(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment, checkpointEverySteps,
                    checkpointEverySeconds, device, notes, schedule, minLearningRate, Conditioning.NONE);
        }

        /** Settings with a constant learning rate. */
        public Config(int width, int batch, int epochs, double learningRate, double weightDecay, int threads,
                long seed, boolean residual, boolean augment, int checkpointEverySteps, double checkpointEverySeconds,
                String device, String notes) {
            this(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment, checkpointEverySteps,
                    checkpointEverySeconds, device, notes, CONSTANT, learningRate, Conditioning.NONE);
        }

        public Config {
            conditioning = conditioning == null ? Conditioning.NONE : conditioning;
            if (residual && conditioning != Conditioning.NONE) {
                throw new IllegalArgumentException("residual=true is for the unconditioned network; a conditioned one"
                        + " always learns the correction to 2LPT");
            }
            if (width < 1 || width > 1024) {
                throw new IllegalArgumentException("width must be in 1..1024, got " + width);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be >= 1, got " + batch);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            if (!(learningRate > 0) || !(weightDecay >= 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be > 0 and weight decay >= 0");
            }
            if (checkpointEverySteps < 0 || !(checkpointEverySeconds >= 0)) {
                throw new IllegalArgumentException("checkpoint intervals must be >= 0");
            }
            device = device == null ? "cpu" : device;
            notes = notes == null ? "" : notes;
            schedule = schedule == null ? CONSTANT : schedule;
            if (!schedule.equals(CONSTANT) && !schedule.equals(COSINE)) {
                throw new IllegalArgumentException("lr_schedule must be constant or cosine, got '" + schedule + "'");
            }
            if (schedule.equals(COSINE) && !(minLearningRate > 0 && minLearningRate <= learningRate)) {
                throw new IllegalArgumentException("min_learning_rate must be in (0, learning_rate], got " + minLearningRate);
            }
        }

        /**
         * The learning rate of global step {@code step} (0-based) of {@code totalSteps}: constant,
         * or {@code min + (max - min) (1 + cos(pi step / totalSteps)) / 2}.
         */
        public double learningRateAt(long step, long totalSteps) {
            if (schedule.equals(CONSTANT) || totalSteps <= 1) {
                return learningRate;
            }
            double x = Math.min(1, (double) step / (totalSteps - 1));
            return minLearningRate + (learningRate - minLearningRate) * 0.5 * (1 + Math.cos(Math.PI * x));
        }

        /** A copy with a cosine schedule from the learning rate down to {@code min}. */
        public Config withCosineSchedule(double min) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, COSINE, min, conditioning);
        }

        /** The paper's settings (width 64, lr 1e-4, wd 1e-4) with batch 4, 30 epochs, checkpoints every 5 min. */
        public static Config defaults() {
            return new Config(64, 4, 30, 1e-4, 1e-4, 0, 0L, false, true, 0, 300, "cpu", "");
        }

        public Config withWidth(int w) {
            return new Config(w, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withBatch(int b) {
            return new Config(width, b, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withEpochs(int e) {
            return new Config(width, batch, e, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withLearningRate(double lr) {
            return new Config(width, batch, epochs, lr, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule,
                    schedule.equals(CONSTANT) ? lr : minLearningRate, conditioning);
        }

        public Config withSeed(long s) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, s, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withThreads(int t) {
            return new Config(width, batch, epochs, learningRate, weightDecay, t, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withResidual(boolean r) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, r, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withAugment(boolean a) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, a,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withCheckpointEvery(int steps, double seconds) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    steps, seconds, device, notes, schedule, minLearningRate, conditioning);
        }

        public Config withConditioning(Conditioning c) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, notes, schedule, minLearningRate, c);
        }

        public Config withDevice(String d) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, d, notes, schedule, minLearningRate, conditioning);
        }

        public Config withNotes(String n) {
            return new Config(width, batch, epochs, learningRate, weightDecay, threads, seed, residual, augment,
                    checkpointEverySteps, checkpointEverySeconds, device, n, schedule, minLearningRate, conditioning);
        }

        /**
         * The settings a resumed run must share with the checkpoint (not epochs, threads, intervals; a
         * cosine schedule stretches to the new epoch count).
         */
        String fingerprint(Box box, int trainCount) {
            String lr = schedule.equals(CONSTANT) ? String.valueOf(learningRate)
                    : "cosine(" + learningRate + "->" + minLearningRate + ")";
            String f = String.format(Locale.ROOT, "w=%d b=%d lr=%s wd=%s seed=%d res=%b aug=%b grid=%d box=%s train=%d",
                    width, batch, lr, weightDecay, seed, residual, augment, box.n(), box.size(), trainCount);
            return conditioning == Conditioning.NONE ? f : f + " cond=" + conditioning.key();
        }
    }

    /** One epoch's losses [(Mpc/h)^2]; {@code step} is the global step count at its end. */
    public record EpochLog(int epoch, long step, double trainLoss, double valLoss, double seconds) {
    }

    /** What a training run produced. */
    public record Result(Path bestWeights, Path finalWeights, double bestValLoss, int bestEpoch,
            double identityValLoss, List<EpochLog> epochs, long steps, boolean resumed, String device) {
    }

    /** Mutable training position and history (what a checkpoint holds besides weights and Adam). */
    static final class State {
        int epoch;
        int stepInEpoch;
        long globalStep;
        double epochLossSum;
        int epochSteps;
        double bestVal = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        double seconds;
        final List<EpochLog> history = new ArrayList<>();
        final List<Float> stepLosses = new ArrayList<>();
    }

    /**
     * Trains (or resumes) on the dataset in {@code datasetDir}, writing into {@code outDir}.
     *
     * @throws IllegalArgumentException bad settings, an unusable dataset, or a checkpoint made with
     *                                  other settings
     * @throws Progress.StoppedException when {@code progress} asks to stop (the checkpoint then holds the last step)
     * @throws IllegalArgumentException "... is in use by process P" when another run trains into
     *                                  {@code outDir} ({@link FolderLock})
     */
    public static Result train(Path datasetDir, Path outDir, Config config, Progress progress) {
        return train(datasetDir, outDir, config, null, progress);
    }

    /**
     * {@link #train(Path, Path, Config, Progress)} starting, when there is no checkpoint to resume, from the
     * weights (and BatchNorm statistics) of {@code initWeights} instead of random ones: a weights file of a
     * network of the same width, residual flag and conditioning (fine-tuning, or more epochs of a shipped
     * model). Null: random weights from the seed.
     *
     * @throws IllegalArgumentException a missing or incompatible weights file
     */
    public static Result train(Path datasetDir, Path outDir, Config config, Path initWeights, Progress progress) {
        if (initWeights != null) {
            WeightsFile.requireLike(initWeights, config.width(), config.residual(), config.conditioning());
        }
        try (FolderLock lock = FolderLock.acquire(outDir)) {
            for (String f : OUTPUTS) {
                TempFiles.removeStale(outDir.resolve(f));
            }
            return trainLocked(datasetDir, outDir, config, initWeights, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static Result trainLocked(Path datasetDir, Path outDir, Config config, Path initWeights, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        Dataset data = Dataset.open(datasetDir);
        List<Dataset.Entry> trainSet = data.split("train");
        List<Dataset.Entry> valSet = data.split("val");
        if (trainSet.isEmpty() || valSet.isEmpty()) {
            throw new IllegalArgumentException("dataset needs training and validation samples (at least 9 samples), has "
                    + trainSet.size() + " and " + valSet.size());
        }
        Box box = data.box();
        int n = box.n();
        DjlRuntime.setThreads(config.threads());
        Device device = DjlRuntime.device(config.device());
        String fingerprint = config.fingerprint(box, trainSet.size());
        int stepsPerEpoch = (trainSet.size() + config.batch() - 1) / config.batch();
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        Path ckpt = outDir.resolve(CHECKPOINT);
        try (NetSession session = NetSession.create(config.width(), config.residual(), config.conditioning(), config.seed(), device)) {
            Adam adam = new Adam(session.trainableSizes(), config.learningRate(), 0.9, 0.999, 1e-8, config.weightDecay());
            State st = new State();
            boolean resumed = Files.isRegularFile(ckpt);
            if (!resumed && initWeights != null) {
                WeightsFile.readInto(initWeights, session.net());
                p.report(0, "starting from the weights of " + initWeights);
            }
            if (resumed) {
                readCheckpoint(ckpt, fingerprint, session, adam, st);
                p.report((double) st.globalStep / totalSteps, "resumed at epoch " + (st.epoch + 1) + ", step " + st.globalStep);
            }
            boolean cond = config.conditioning() != Conditioning.NONE;
            double identity = cond ? 1.0 : identityLoss(data, valSet);
            ModelMeta baseMeta = meta(config, data, box, device);
            if (initWeights != null) {
                baseMeta = baseMeta.with("init_weights", initWeights.getFileName().toString());
            }
            if (cond) {
                baseMeta = TrainingRanges.of(data, trainSet).record(baseMeta);
            }
            long lastCkpt = System.nanoTime();
            long started = System.nanoTime();
            double secondsBefore = st.seconds;
            long savedStep = resumed ? st.globalStep : 0;
            try {
                while (st.epoch < config.epochs()) {
                    int[] order = order(trainSet.size(), config.seed(), st.epoch);
                    while (st.stepInEpoch < stepsPerEpoch) {
                        p.checkCancelled();
                        int from = st.stepInEpoch * config.batch();
                        int b = Math.min(config.batch(), trainSet.size() - from);
                        float[][] xy = batch(data, trainSet, order, from, b, n, config, st.epoch, st.stepInEpoch);
                        adam.setLearningRate(config.learningRateAt(st.globalStep, totalSteps));
                        double loss = session.trainStep(xy[0], xy[2], xy[1], xy[3], b, n, adam);
                        if (!Double.isFinite(loss)) {
                            throw new IllegalStateException("training diverged (loss " + loss + ") at step " + st.globalStep);
                        }
                        st.epochLossSum += loss;
                        st.epochSteps++;
                        st.stepInEpoch++;
                        st.globalStep++;
                        st.stepLosses.add((float) loss);
                        st.seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
                        p.report((double) st.globalStep / totalSteps, String.format(Locale.ROOT,
                                "epoch %d/%d step %d/%d loss %.4g", st.epoch + 1, config.epochs(), st.stepInEpoch,
                                stepsPerEpoch, loss));
                        boolean due = (config.checkpointEverySteps() > 0 && st.globalStep % config.checkpointEverySteps() == 0)
                                || (config.checkpointEverySeconds() > 0
                                    && (System.nanoTime() - lastCkpt) / 1e9 >= config.checkpointEverySeconds());
                        if (due && st.stepInEpoch < stepsPerEpoch) {
                            writeCheckpoint(ckpt, fingerprint, session, adam, st);
                            lastCkpt = System.nanoTime();
                            savedStep = st.globalStep;
                        }
                    }
                    double val = cond ? validateConditioned(session, data, valSet, n, config.batch(), p)
                            : validate(session, data, valSet, n, config.batch(), p);
                    st.history.add(new EpochLog(st.epoch + 1, st.globalStep, st.epochLossSum / Math.max(1, st.epochSteps),
                            val, st.seconds));
                    if (val < st.bestVal) {
                        st.bestVal = val;
                        st.bestEpoch = st.epoch + 1;
                        WeightsFile.save(outDir.resolve(BEST), session.net(), baseMeta
                                .with("epoch", String.valueOf(st.epoch + 1))
                                .with("val_loss", String.valueOf(val))
                                .with("identity_val_loss", String.valueOf(identity)));
                    }
                    st.epoch++;
                    st.stepInEpoch = 0;
                    st.epochLossSum = 0;
                    st.epochSteps = 0;
                    writeCheckpoint(ckpt, fingerprint, session, adam, st);
                    lastCkpt = System.nanoTime();
                    savedStep = st.globalStep;
                    writeLogs(outDir, st, identity, cond);
                    p.report((double) st.globalStep / totalSteps, String.format(Locale.ROOT,
                            "epoch %d/%d: val loss %.4g (identity %.4g)", st.epoch, config.epochs(), val, identity));
                }
            } catch (Progress.CancelledException stop) {
                throw stopped(ckpt, fingerprint, session, adam, st, savedStep);
            }
            WeightsFile.save(outDir.resolve(FINAL), session.net(), baseMeta
                    .with("epoch", String.valueOf(st.epoch))
                    .with("val_loss", st.history.isEmpty() ? "" : String.valueOf(st.history.get(st.history.size() - 1).valLoss())));
            writeLogs(outDir, st, identity, cond);
            return new Result(outDir.resolve(BEST), outDir.resolve(FINAL), st.bestVal, st.bestEpoch, identity,
                    List.copyOf(st.history), st.globalStep, resumed, DjlRuntime.describe(device));
        }
    }

    /**
     * A run asked to stop (its progress cancelled) at a step boundary, or during a validation: the
     * checkpoint is brought up to the current step (unless it already holds it), so that the same call
     * resumes there and ends with the weights of an uninterrupted run.
     */
    private static Progress.StoppedException stopped(Path ckpt, String fingerprint, NetSession session, Adam adam,
            State st, long savedStep) {
        if (st.globalStep > savedStep) {
            writeCheckpoint(ckpt, fingerprint, session, adam, st);
        }
        return new Progress.StoppedException("stopped at step " + st.globalStep + "; resume with the same command");
    }

    /** The permutation of the training samples in epoch {@code epoch}: a pure function of (seed, epoch). */
    static int[] order(int count, long seed, int epoch) {
        int[] o = new int[count];
        for (int i = 0; i < count; i++) {
            o[i] = i;
        }
        Random r = new Random(mix(seed, epoch, -1, -1));
        for (int i = count - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    static long mix(long seed, long a, long b, long c) {
        long h = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (long v : new long[] {a, b, c}) {
            h = (h ^ v) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    /**
     * Reads and augments one batch: {input, target, conditions, weights}, input flat (b, c, n, n, n) and target
     * (b, 3, n, n, n); conditions (b, k) and weights (b) are null for an unconditioned network.
     */
    static float[][] batch(Dataset data, List<Dataset.Entry> set, int[] order, int from, int b, int n, Config config,
            int epoch, int step) {
        if (config.conditioning() != Conditioning.NONE) {
            return conditionedBatch(data, set, order, from, b, n, config, epoch, step);
        }
        int cells = n * n * n;
        float[] x = new float[b * 3 * cells];
        float[] y = new float[b * 3 * cells];
        float[][] tx = new float[3][cells];
        float[][] ty = new float[3][cells];
        for (int s = 0; s < b; s++) {
            Sample sm = data.read(set.get(order[from + s]));
            float[][] za = sm.za().c();
            float[][] tg = sm.target().c();
            if (config.augment()) {
                int sym = new Random(mix(config.seed(), epoch, step, s)).nextInt(CubeSymmetry.COUNT);
                CubeSymmetry cs = CubeSymmetry.of(sym);
                cs.applyInto(za, tx, n);
                cs.applyInto(tg, ty, n);
                za = tx;
                tg = ty;
            }
            for (int a = 0; a < 3; a++) {
                System.arraycopy(za[a], 0, x, (s * 3 + a) * cells, cells);
                System.arraycopy(tg[a], 0, y, (s * 3 + a) * cells, cells);
            }
        }
        return new float[][] {x, y, null, null};
    }

    /**
     * A batch in the {@link ResidualFrame}: its input, its target (FastPM - 2LPT in frame units), the conditions, and the weight of each sample, 1 / mean(target^2) (the reciprocal of 2LPT's
     * mean squared error in frame units), so that each sample's loss is its squared error relative to 2LPT's.
     * The augmentation's symmetry acts on both input vectors and the target; conditions and weights are
     * invariant.
     */
    static float[][] conditionedBatch(Dataset data, List<Dataset.Entry> set, int[] order, int from, int b, int n,
            Config config, int epoch, int step) {
        int cells = n * n * n;
        int ch = ResidualFrame.CHANNELS;
        int k = ResidualFrame.CONDITIONS;
        float[] x = new float[b * ch * cells];
        float[] y = new float[b * 3 * cells];
        float[] c = new float[b * k];
        float[] w = new float[b];
        for (int s = 0; s < b; s++) {
            Sample sm = data.read(set.get(order == null ? from + s : order[from + s]));
            ResidualFrame f = ResidualFrame.of(sm, 1);
            float[][] in = f.input();
            float[][] tg = f.target(sm.target());
            if (order != null && config.augment()) {
                CubeSymmetry cs = CubeSymmetry.of(new Random(mix(config.seed(), epoch, step, s)).nextInt(CubeSymmetry.COUNT));
                float[][] a = new float[3][cells];
                float[][] a2 = new float[3][cells];
                float[][] t = new float[3][cells];
                cs.applyInto(new float[][] {in[0], in[1], in[2]}, a, n);
                cs.applyInto(new float[][] {in[3], in[4], in[5]}, a2, n);
                cs.applyInto(tg, t, n);
                in = new float[][] {a[0], a[1], a[2], a2[0], a2[1], a2[2]};
                tg = t;
            }
            double sum = 0;
            for (int a = 0; a < 3; a++) {
                for (float v : tg[a]) {
                    sum += (double) v * v;
                }
            }
            w[s] = (float) (3.0 * cells / Math.max(sum, 1e-30));
            for (int a = 0; a < ch; a++) {
                System.arraycopy(in[a], 0, x, (s * ch + a) * cells, cells);
            }
            for (int a = 0; a < 3; a++) {
                System.arraycopy(tg[a], 0, y, (s * 3 + a) * cells, cells);
            }
            System.arraycopy(f.conditions(), 0, c, s * k, k);
        }
        return new float[][] {x, y, c, w};
    }

    /**
     * Validation loss of a conditioned network (eval mode): the mean over the samples of its mean squared
     * error relative to 2LPT's (2LPT itself scores 1).
     */
    static double validateConditioned(NetSession session, Dataset data, List<Dataset.Entry> set, int n, int batch,
            Progress p) {
        int cells = n * n * n;
        double sum = 0;
        for (int from = 0; from < set.size(); from += batch) {
            p.checkCancelled();
            int b = Math.min(batch, set.size() - from);
            float[][] xy = conditionedBatch(data, set, null, from, b, n, null, 0, 0);
            float[] pred = session.infer(xy[0], xy[2], b, n);
            for (int s = 0; s < b; s++) {
                double e = 0;
                for (int i = s * 3 * cells; i < (s + 1) * 3 * cells; i++) {
                    double d = pred[i] - xy[1][i];
                    e += d * d;
                }
                sum += e / (3.0 * cells) * xy[3][s];
            }
        }
        return sum / set.size();
    }

    /** Mean squared error [(Mpc/h)^2] of the network (eval mode) over the validation samples. */
    static double validate(NetSession session, Dataset data, List<Dataset.Entry> set, int n, int batch, Progress p) {
        int cells = n * n * n;
        double sum = 0;
        long count = 0;
        for (int from = 0; from < set.size(); from += batch) {
            p.checkCancelled();
            int b = Math.min(batch, set.size() - from);
            float[] x = new float[b * 3 * cells];
            float[] y = new float[b * 3 * cells];
            for (int s = 0; s < b; s++) {
                Sample sm = data.read(set.get(from + s));
                for (int a = 0; a < 3; a++) {
                    System.arraycopy(sm.za().c()[a], 0, x, (s * 3 + a) * cells, cells);
                    System.arraycopy(sm.target().c()[a], 0, y, (s * 3 + a) * cells, cells);
                }
            }
            float[] pred = session.infer(x, b, n);
            for (int i = 0; i < pred.length; i++) {
                double d = pred[i] - y[i];
                sum += d * d;
            }
            count += pred.length;
        }
        return sum / count;
    }

    /**
     * MSE [(Mpc/h)^2] of the zero map (predicting no displacement: the mean square of the target) over the
     * validation samples of the dataset in {@code datasetDir} ({@link TrainingVerdict}'s second baseline).
     */
    public static double zeroMapLoss(Path datasetDir) {
        Dataset data = Dataset.open(datasetDir);
        double sum = 0;
        long count = 0;
        for (Dataset.Entry e : data.split("val")) {
            for (float[] y : data.read(e).target().c()) {
                for (float v : y) {
                    sum += (double) v * v;
                }
                count += y.length;
            }
        }
        return sum / Math.max(1, count);
    }

    /** MSE [(Mpc/h)^2] of the identity map (prediction = ZA input) over the validation samples. */
    static double identityLoss(Dataset data, List<Dataset.Entry> set) {
        double sum = 0;
        long count = 0;
        for (Dataset.Entry e : set) {
            Sample s = data.read(e);
            for (int a = 0; a < 3; a++) {
                float[] x = s.za().c()[a];
                float[] y = s.target().c()[a];
                for (int i = 0; i < x.length; i++) {
                    double d = x[i] - y[i];
                    sum += d * d;
                }
                count += x.length;
            }
        }
        return sum / count;
    }

    private static ModelMeta meta(Config c, Dataset data, Box box, Device device) {
        Map<String, String> info = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : data.meta().entrySet()) {
            info.put("dataset." + e.getKey(), e.getValue());
        }
        info.put("dataset.dir", data.dir().toAbsolutePath().toString());
        info.put("dataset.base_seed", String.valueOf(data.baseSeed()));
        info.put("training", c.fingerprint(box, data.split("train").size()) + " epochs=" + c.epochs());
        info.put("notes", c.notes());
        info.put("engine", DjlRuntime.describe(device));
        return new ModelMeta(c.width(), box.n(), box.cell(), c.residual(), info, c.conditioning());
    }

    static void writeCheckpoint(Path file, String fingerprint, NetSession session, Adam adam, State st) {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(CKPT_MAGIC);
            out.writeInt(1);
            out.writeUTF(fingerprint);
            out.writeInt(st.epoch);
            out.writeInt(st.stepInEpoch);
            out.writeLong(st.globalStep);
            out.writeDouble(st.epochLossSum);
            out.writeInt(st.epochSteps);
            out.writeDouble(st.bestVal);
            out.writeInt(st.bestEpoch);
            out.writeDouble(st.seconds);
            out.writeInt(st.history.size());
            for (EpochLog e : st.history) {
                out.writeInt(e.epoch());
                out.writeLong(e.step());
                out.writeDouble(e.trainLoss());
                out.writeDouble(e.valLoss());
                out.writeDouble(e.seconds());
            }
            out.writeInt(st.stepLosses.size());
            for (float f : st.stepLosses) {
                out.writeFloat(f);
            }
            ParamIO.write(out, session.net());
            adam.save(out);
            out.flush();
        });
    }

    static void readCheckpoint(Path file, String fingerprint, NetSession session, Adam adam, State st) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != CKPT_MAGIC || in.readInt() != 1) {
                throw new IllegalArgumentException("not a D3M training checkpoint: " + file);
            }
            String fp = in.readUTF();
            if (!fp.equals(fingerprint)) {
                throw new IllegalArgumentException("checkpoint " + file + " was made with other settings (" + fp
                        + "); use a new output folder");
            }
            st.epoch = in.readInt();
            st.stepInEpoch = in.readInt();
            st.globalStep = in.readLong();
            st.epochLossSum = in.readDouble();
            st.epochSteps = in.readInt();
            st.bestVal = in.readDouble();
            st.bestEpoch = in.readInt();
            st.seconds = in.readDouble();
            int h = in.readInt();
            for (int i = 0; i < h; i++) {
                st.history.add(new EpochLog(in.readInt(), in.readLong(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            int s = in.readInt();
            for (int i = 0; i < s; i++) {
                st.stepLosses.add(in.readFloat());
            }
            ParamIO.read(in, session.net());
            adam.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt checkpoint " + file + ": " + e.getMessage());
        }
    }

    static void writeLogs(Path outDir, State st, double identity, boolean relative) {
        StringBuilder sb = new StringBuilder("epoch,step,train_loss,val_loss,identity_val_loss,seconds\n");
        for (EpochLog e : st.history) {
            sb.append(String.format(Locale.ROOT, "%d,%d,%.8g,%.8g,%.8g,%.1f%n", e.epoch(), e.step(), e.trainLoss(),
                    e.valLoss(), identity, e.seconds()));
        }
        AtomicFiles.writeString(outDir.resolve("losses.csv"), sb.toString());
        StringBuilder steps = new StringBuilder("step,train_batch_loss\n");
        for (int i = 0; i < st.stepLosses.size(); i++) {
            steps.append(i + 1).append(',').append(String.format(Locale.ROOT, "%.8g", st.stepLosses.get(i))).append('\n');
        }
        AtomicFiles.writeString(outDir.resolve("steps.csv"), steps.toString());
        LossPlot.write(outDir.resolve("loss.png"), st.stepLosses, st.history, identity, relative);
    }
}
