package org.d3m.core.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trained D3M model that ships inside the plugin jar ({@code /models/<ID>.d3mw}; how it was
 * made and how good it is: docs/model-card.md), used by the commands when no {@code model} is
 * given. It is unpacked from the class path into a per-user cache, one file per model version written
 * atomically and shared by later processes ({@link ModelCache}), from which it loads like any weights
 * file. Where that cache cannot be used, it goes to a temporary file deleted on exit.
 */
public final class ShippedModel {

    /** The shipped (default) model's id: conditioned on the cosmology ({@link Conditioning#FILM}), base width, version. */
    public static final String ID = "d3m-cosmo-w32-v5";
    /** Its class-path resource. */
    public static final String RESOURCE = "/models/" + ID + ".d3mw";
    /** What {@code model=paper} names: the paper's protocol, trained on one cosmology at z = 0. */
    public static final String PAPER = "paper";
    /** The paper-protocol model's id. */
    public static final String PAPER_ID = "d3m-fastpm-w32-v2";

    /** The message when neither a model was given nor one ships. */
    public static final String NONE = "no model given and none ships; train one with make-dataset and train,"
            + " then pass model=out/model/best.d3mw";

    private static final java.util.Map<String, Path> EXTRACTED = new java.util.HashMap<>();

    private ShippedModel() {
    }

    /** True when the class path holds the shipped weights. */
    public static boolean available() {
        return ShippedModel.class.getResource(RESOURCE) != null;
    }

    /** The shipped weights as a file ({@link WeightsFile}), or null when none ships. */
    public static Path defaultWeights() {
        return extract(ID);
    }

    /** The paper-protocol weights ({@code model=paper}) as a file, or null when they do not ship. */
    public static Path paperWeights() {
        return extract(PAPER_ID);
    }

    private static synchronized Path extract(String id) {
        Path had = EXTRACTED.get(id);
        if (had != null && Files.isRegularFile(had)) {
            return had;
        }
        String resource = "/models/" + id + ".d3mw";
        byte[] bytes;
        try (InputStream in = ShippedModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the shipped model " + resource + ": " + e.getMessage(), e);
        }
        Path p;
        try {
            p = ModelCache.file(ModelCache.folder(), id, bytes);
        } catch (IOException | RuntimeException cacheFailed) {
            p = privateCopy(id, bytes, resource);
        }
        EXTRACTED.put(id, p);
        return p;
    }

    /** The old way, where the cache cannot be used: a temporary file of this process, deleted on exit. */
    private static Path privateCopy(String id, byte[] bytes, String resource) {
        try {
            Path tmp = Files.createTempFile(id + "-", ".d3mw");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, bytes);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the shipped model " + resource + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code given} is the short name {@value #PAPER} (and no file of that name exists). */
    public static boolean isPaper(Path given) {
        return given != null && given.toString().equals(PAPER) && !Files.exists(given);
    }

    /**
     * The given weights file, else the shipped one.
     *
     * @param given a .d3mw file, or null when the user gave none
     * @throws IllegalArgumentException {@link #NONE} when neither exists
     */
    public static Path resolve(Path given) {
        if (isPaper(given)) {
            Path p = paperWeights();
            if (p == null) {
                throw new IllegalArgumentException("model=paper: the paper-protocol model " + PAPER_ID + " does not ship in this build");
            }
            return p;
        }
        return resolve(given, given != null ? null : defaultWeights());
    }

    /** {@link #resolve(Path)} with the shipped weights given (null: none ships); for tests. */
    static Path resolve(Path given, Path shipped) {
        Path p = given != null ? given : shipped;
        if (p == null) {
            throw new IllegalArgumentException(NONE);
        }
        return p;
    }

    /** How provenance names a model: the shipped id (for none or {@value #PAPER}), or the given file. */
    public static String name(Path given) {
        return isPaper(given) ? PAPER_ID : given != null ? given.toString() : ID;
    }
}
