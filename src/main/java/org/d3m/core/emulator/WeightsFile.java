package org.d3m.core.emulator;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonParseException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A trained D3M network in one file (extension {@code .d3mw}): a zip holding {@code meta.json}
 * (format "d3m-weights" version 1 plus {@link ModelMeta}) and {@code params.bin}
 * ({@link ParamIO} format: every parameter and BN running statistic by name). The zip's CRCs make
 * truncation or corruption detectable. Written atomically.
 */
public final class WeightsFile {

    static final String META = "meta.json";
    static final String PARAMS = "params.bin";

    private WeightsFile() {
    }

    /** A network read from a weights file. */
    public record Loaded(D3mNet net, ModelMeta meta) {
    }

    /** Version 2 adds {@code conditioning} (none, film or channels); version 1 files are unconditioned. */
    record Json(String format, int version, int width, int grid, double spacing, boolean residual,
            java.util.Map<String, String> info, String conditioning) {
    }

    /** Saves {@code net} (initialized, of width meta.width()) with its metadata. */
    public static void save(Path file, D3mNet net, ModelMeta meta) {
        if (net.width() != meta.width() || net.residual() != meta.residual() || net.conditioning() != meta.conditioning()) {
            throw new IllegalArgumentException("metadata does not describe this network");
        }
        boolean cond = meta.conditioning() != Conditioning.NONE;
        Json j = new Json("d3m-weights", cond ? 2 : 1, meta.width(), meta.grid(), meta.spacing(), meta.residual(), meta.info(),
                cond ? meta.conditioning().key() : null);
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            zip.putNextEntry(new ZipEntry(META));
            zip.write(Dataset.GSON.toJson(j).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMS));
            DataOutputStream out = new DataOutputStream(zip);
            ParamIO.write(out, net);
            out.flush();
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Reads only the metadata; IllegalArgumentException if the file is missing or not a weights file. */
    public static ModelMeta readMeta(Path file) {
        check(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return meta(file, zip);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt weights file " + file + ": " + e.getMessage());
        }
    }

    /** Loads the network into {@code manager} (its device); IllegalArgumentException on any problem. */
    public static Loaded load(Path file, NDManager manager) {
        check(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ModelMeta meta = meta(file, zip);
            ZipEntry e = zip.getEntry(PARAMS);
            if (e == null) {
                throw new IllegalArgumentException("corrupt weights file " + file + ": no " + PARAMS);
            }
            D3mNet net = new D3mNet(meta.width(), meta.residual(), meta.conditioning());
            net.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32,
                    net.inputShapes(new Shape(1, meta.conditioning().inputChannels(), 4, 4, 4)));
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(zip.getInputStream(e)))) {
                ParamIO.read(in, net);
                if (in.read() != -1) {
                    throw new IOException("trailing data");
                }
            }
            return new Loaded(net, meta);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("corrupt weights file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Refuses, with a one-line IllegalArgumentException, a weights file that is not a network of this width,
     * residual flag and conditioning.
     */
    public static void requireLike(Path file, int width, boolean residual, Conditioning conditioning) {
        ModelMeta m = readMeta(file);
        if (m.width() != width || m.residual() != residual || m.conditioning() != conditioning) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "init_weights %s is a width-%d network"
                    + " (residual=%b, conditioning=%s), not width=%d residual=%b conditioning=%s", file.getFileName(),
                    m.width(), m.residual(), m.conditioning().key(), width, residual, conditioning.key()));
        }
    }

    /** Reads the parameters of a weights file into an initialized network of the same kind. */
    public static void readInto(Path file, D3mNet net) {
        requireLike(file, net.width(), net.residual(), net.conditioning());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(PARAMS);
            if (e == null) {
                throw new IllegalArgumentException("corrupt weights file " + file + ": no " + PARAMS);
            }
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(zip.getInputStream(e)))) {
                ParamIO.read(in, net);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt weights file " + file + ": " + e.getMessage());
        }
    }

    private static void check(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("weights file not found: " + file);
        }
    }

    private static ModelMeta meta(Path file, ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry(META);
        if (e == null) {
            throw new IllegalArgumentException("not a D3M weights file (no " + META + "): " + file);
        }
        Json j;
        try (InputStream in = zip.getInputStream(e)) {
            j = Dataset.GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), Json.class);
        } catch (JsonParseException ex) {
            throw new IllegalArgumentException("corrupt metadata in weights file " + file + ": " + ex.getMessage());
        }
        if (j == null || !"d3m-weights".equals(j.format())) {
            throw new IllegalArgumentException("not a D3M weights file: " + file);
        }
        if (j.version() != 1 && j.version() != 2) {
            throw new IllegalArgumentException("unsupported weights file version " + j.version() + ": " + file);
        }
        Conditioning c = j.version() == 1 || j.conditioning() == null ? Conditioning.NONE : Conditioning.parse(j.conditioning());
        return new ModelMeta(j.width(), j.grid(), j.spacing(), j.residual(), j.info(), c);
    }
}
