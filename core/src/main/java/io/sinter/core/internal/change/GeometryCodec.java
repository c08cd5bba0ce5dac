package io.sinter.core.internal.change;

import io.sinter.connector.api.Geometry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The stored form of an element's {@link Geometry} (element-local metres): compact little-endian binary,
 * coordinates as 32-bit floats (what glTF draws with), indices as 32-bit ints.
 *
 * <p>Layout: {@code 'S' 'G' 'M' '1'}; mesh count; per mesh: vertex count, 3 floats per vertex, index count,
 * the indices; polyline count; per polyline: closed flag (int 0/1), point count, 3 floats per point.
 */
public final class GeometryCodec {
    private static final int MAGIC = 0x314D4753; // "SGM1" read little-endian

    private GeometryCodec() {
    }

    /** A triangle mesh: x, y, z per vertex and three indices per triangle. */
    public record Mesh(float[] positions, int[] indices) {
    }

    /** A polyline: x, y, z per point. */
    public record Polyline(float[] points, boolean closed) {
    }

    /** Decoded geometry. */
    public record Decoded(List<Mesh> meshes, List<Polyline> polylines) {
    }

    /** @return the binary form, or null when {@code geometry} is null or empty */
    public static byte[] encode(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        long size = 12;
        for (Geometry.Mesh m : geometry.meshes()) {
            size += 8 + 4L * m.vertices().length + 4L * m.triangles().length;
        }
        for (Geometry.Polyline p : geometry.polylines()) {
            size += 8 + 4L * p.points().length;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("geometry too large: " + size + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC);
        out.putInt(geometry.meshes().size());
        for (Geometry.Mesh m : geometry.meshes()) {
            double[] v = m.vertices();
            out.putInt(v.length / 3);
            for (double d : v) {
                out.putFloat((float) d);
            }
            int[] t = m.triangles();
            out.putInt(t.length);
            for (int i : t) {
                out.putInt(i);
            }
        }
        out.putInt(geometry.polylines().size());
        for (Geometry.Polyline p : geometry.polylines()) {
            out.putInt(p.closed() ? 1 : 0);
            double[] pts = p.points();
            out.putInt(pts.length / 3);
            for (double d : pts) {
                out.putFloat((float) d);
            }
        }
        return out.array();
    }

    /** @return {@link #encode} as base64 text (for the spill file), or null */
    public static String encodeBase64(Geometry geometry) {
        byte[] bytes = encode(geometry);
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    /** @return the bytes of {@link #encodeBase64} text, or null for null */
    public static byte[] fromBase64(String text) {
        return text == null ? null : Base64.getDecoder().decode(text);
    }

    /** @return the geometry of {@code bytes}; throws {@link IllegalArgumentException} when they are not this format */
    public static Decoded decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not stored geometry");
            }
            int meshCount = in.getInt();
            List<Mesh> meshes = new ArrayList<>(meshCount);
            for (int m = 0; m < meshCount; m++) {
                float[] positions = new float[Math.multiplyExact(in.getInt(), 3)];
                in.asFloatBuffer().get(positions);
                in.position(in.position() + 4 * positions.length);
                int[] indices = new int[in.getInt()];
                in.asIntBuffer().get(indices);
                in.position(in.position() + 4 * indices.length);
                meshes.add(new Mesh(positions, indices));
            }
            int lineCount = in.getInt();
            List<Polyline> lines = new ArrayList<>(lineCount);
            for (int l = 0; l < lineCount; l++) {
                boolean closed = in.getInt() != 0;
                float[] points = new float[Math.multiplyExact(in.getInt(), 3)];
                in.asFloatBuffer().get(points);
                in.position(in.position() + 4 * points.length);
                lines.add(new Polyline(points, closed));
            }
            return new Decoded(meshes, lines);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | ArithmeticException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated stored geometry", e);
        }
    }
}
