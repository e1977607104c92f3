package org.d3m.core.emulator;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes and reads all parameters of a block (weights, biases, BN affine and running statistics)
 * in a simple format: int count, then per parameter its name (UTF), int rank, long dims, and the
 * float32 values little-endian in C order. Convolution weights are (cout, cin, k, k, k) as in
 * PyTorch's Conv3d; up-sampling weights (cin, cout, 3, 3, 3) as in ConvTranspose3d.
 */
final class ParamIO {

    private ParamIO() {
    }

    static void write(DataOutputStream out, ai.djl.nn.Block block) throws IOException {
        var params = block.getParameters();
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            out.writeUTF(p.getKey());
            Shape s = p.getValue().getShape();
            out.writeInt(s.dimension());
            for (long d : s.getShape()) {
                out.writeLong(d);
            }
            writeFloats(out, p.getValue().getArray().toFloatArray());
        }
    }

    /** Reads parameters into an initialized block; IOException if names or shapes differ or a value is not finite. */
    static void read(DataInputStream in, ai.djl.nn.Block block) throws IOException {
        var params = block.getParameters();
        int count = in.readInt();
        if (count != params.size()) {
            throw new IOException("parameter count " + count + " does not match the network (" + params.size() + ")");
        }
        for (Pair<String, Parameter> p : params) {
            String name = in.readUTF();
            if (!name.equals(p.getKey())) {
                throw new IOException("parameter " + name + " where " + p.getKey() + " was expected");
            }
            int rank = in.readInt();
            long[] dims = new long[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readLong();
            }
            Shape want = p.getValue().getShape();
            if (!want.equals(new Shape(dims))) {
                throw new IOException("parameter " + name + " has shape " + new Shape(dims) + ", network needs " + want);
            }
            float[] v = new float[Math.toIntExact(want.size())];
            readFloats(in, v);
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IOException("parameter " + name + " has the non-finite value " + v[i] + " (index " + i
                            + "), as after a diverged training");
                }
            }
            p.getValue().getArray().set(v);
        }
    }

    static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; ) {
            b.clear();
            int n = Math.min(v.length - i, b.capacity() / 4);
            b.asFloatBuffer().put(v, i, n);
            out.write(b.array(), 0, n * 4);
            i += n;
        }
    }

    static void readFloats(DataInputStream in, float[] v) throws IOException {
        int len = in.readInt();
        if (len != v.length) {
            throw new IOException("array of " + len + " values where " + v.length + " were expected");
        }
        byte[] buf = new byte[1 << 16];
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; ) {
            int n = Math.min(v.length - i, buf.length / 4);
            in.readFully(buf, 0, n * 4);
            b.clear();
            b.asFloatBuffer().get(v, i, n);
            i += n;
        }
    }
}
