package io.sinter.core.internal.query;

import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.change.GeometryCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one element's geometry as binary glTF 2.0 (GLB): a root node turning the iModel's z-up frame into
 * glTF's y-up, its child carrying the element's placement (origin and rotation) as matrix, and one mesh
 * whose primitives are the element-local triangle meshes (mode TRIANGLES, 32-bit indices) and polylines
 * (LINE_STRIP, LINE_LOOP when closed).
 */
final class Glb {
    static final int MAGIC = 0x46546C67; // "glTF"
    static final int JSON_CHUNK = 0x4E4F534A; // "JSON"
    static final int BIN_CHUNK = 0x004E4942; // "BIN\0"
    private static final int FLOAT = 5126;
    private static final int UNSIGNED_INT = 5125;
    private static final int ARRAY_BUFFER = 34962;
    private static final int ELEMENT_ARRAY_BUFFER = 34963;
    /** Column-major: (x, y, z) z-up becomes (x, z, -y) y-up. */
    static final List<Double> Z_UP_TO_Y_UP = List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0);

    private Glb() {
    }

    /**
     * @param name the node name (the element id)
     * @param origin x, y, z of the placement origin, or null
     * @param rotation 9 row-major entries, local to spatial, or null for identity
     * @return the GLB bytes, or null when the geometry draws nothing
     */
    static byte[] write(String name, GeometryCodec.Decoded geometry, double[] origin, double[] rotation) {
        List<Object> accessors = new ArrayList<>();
        List<Object> views = new ArrayList<>();
        List<Object> primitives = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        int[] offset = {0};
        for (GeometryCodec.Mesh mesh : geometry.meshes()) {
            if (mesh.indices().length < 3 || mesh.positions().length < 9) {
                continue;
            }
            int position = positions(mesh.positions(), accessors, views, blobs, offset);
            int indices = add(accessors, views, blobs, offset, ints(mesh.indices()), ELEMENT_ARRAY_BUFFER,
                    accessor(views.size(), UNSIGNED_INT, mesh.indices().length, "SCALAR"));
            Map<String, Object> primitive = new LinkedHashMap<>();
            primitive.put("attributes", Map.of("POSITION", position));
            primitive.put("indices", indices);
            primitive.put("mode", 4);
            primitives.add(primitive);
        }
        for (GeometryCodec.Polyline line : geometry.polylines()) {
            if (line.points().length < 6) {
                continue;
            }
            int position = positions(line.points(), accessors, views, blobs, offset);
            Map<String, Object> primitive = new LinkedHashMap<>();
            primitive.put("attributes", Map.of("POSITION", position));
            primitive.put("mode", line.closed() ? 2 : 3);
            primitives.add(primitive);
        }
        if (primitives.isEmpty()) {
            return null;
        }
        Map<String, Object> gltf = new LinkedHashMap<>();
        gltf.put("asset", Map.of("version", "2.0", "generator", "Sinter"));
        gltf.put("scene", 0);
        gltf.put("scenes", List.of(Map.of("nodes", List.of(0))));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "z-up to y-up");
        root.put("matrix", Z_UP_TO_Y_UP);
        root.put("children", List.of(1));
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("name", name);
        element.put("matrix", placementMatrix(origin, rotation));
        element.put("mesh", 0);
        gltf.put("nodes", List.of(root, element));
        gltf.put("meshes", List.of(Map.of("name", name, "primitives", primitives)));
        gltf.put("accessors", accessors);
        gltf.put("bufferViews", views);
        gltf.put("buffers", List.of(Map.of("byteLength", offset[0])));

        byte[] json = CanonicalJson.utf8(gltf);
        int jsonLength = pad4(json.length);
        int binLength = offset[0];
        int total = 12 + 8 + jsonLength + 8 + binLength;
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(2).putInt(total);
        out.putInt(jsonLength).putInt(JSON_CHUNK).put(json);
        for (int i = json.length; i < jsonLength; i++) {
            out.put((byte) ' ');
        }
        out.putInt(binLength).putInt(BIN_CHUNK);
        for (byte[] blob : blobs) {
            out.put(blob);
        }
        return out.array();
    }

    /** @return the node matrix (column-major) of world = origin + rotation * local */
    static List<Double> placementMatrix(double[] origin, double[] r) {
        double[] o = origin == null ? new double[3] : origin;
        double[] m = r == null ? new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1} : r;
        return List.of(m[0], m[3], m[6], 0.0, m[1], m[4], m[7], 0.0, m[2], m[5], m[8], 0.0, o[0], o[1], o[2], 1.0);
    }

    private static int positions(float[] xyz, List<Object> accessors, List<Object> views, List<byte[]> blobs, int[] offset) {
        float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
        float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        ByteBuffer bytes = ByteBuffer.allocate(4 * xyz.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < xyz.length; i++) {
            min[i % 3] = Math.min(min[i % 3], xyz[i]);
            max[i % 3] = Math.max(max[i % 3], xyz[i]);
            bytes.putFloat(xyz[i]);
        }
        Map<String, Object> accessor = accessor(views.size(), FLOAT, xyz.length / 3, "VEC3");
        accessor.put("min", List.of((double) min[0], (double) min[1], (double) min[2]));
        accessor.put("max", List.of((double) max[0], (double) max[1], (double) max[2]));
        return add(accessors, views, blobs, offset, bytes.array(), ARRAY_BUFFER, accessor);
    }

    private static byte[] ints(int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bytes.putInt(v);
        }
        return bytes.array();
    }

    private static Map<String, Object> accessor(int view, int componentType, int count, String type) {
        Map<String, Object> accessor = new LinkedHashMap<>();
        accessor.put("bufferView", view);
        accessor.put("componentType", componentType);
        accessor.put("count", count);
        accessor.put("type", type);
        return accessor;
    }

    /** Appends {@code data} as a new buffer view (4-byte aligned: every element here is 4 bytes) and its accessor. */
    private static int add(List<Object> accessors, List<Object> views, List<byte[]> blobs, int[] offset, byte[] data, int target,
            Map<String, Object> accessor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("buffer", 0);
        view.put("byteOffset", offset[0]);
        view.put("byteLength", data.length);
        view.put("target", target);
        views.add(view);
        blobs.add(data);
        offset[0] += data.length;
        accessors.add(accessor);
        return accessors.size() - 1;
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
