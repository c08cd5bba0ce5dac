package io.sinter.core.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sinter.connector.api.Geometry;
import io.sinter.core.internal.change.GeometryCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlbTest {

    /** A unit square of two triangles at z = 1 plus an open two-segment polyline. */
    private static GeometryCodec.Decoded sample() {
        Geometry geometry = new Geometry(
                List.of(new Geometry.Mesh(new double[] {0, 0, 1, 2, 0, 1, 2, 3, 1, 0, 3, 1}, new int[] {0, 1, 2, 0, 2, 3})),
                List.of(new Geometry.Polyline(new double[] {0, 0, 0, 1, 0, 0, 1, -1, 0.5}, false)));
        return GeometryCodec.decode(GeometryCodec.encode(geometry));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object json, Object... path) {
        Object node = json;
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<Object>) node).get(i) : ((Map<String, Object>) node).get(step);
        }
        return (T) node;
    }

    @Test
    void writesAValidGlbWithOneMeshAndALineStrip() {
        byte[] glb = Glb.write("0x2a", sample(), new double[] {10, 20, 30}, new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1});
        ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, in.getInt(), "magic glTF");
        assertEquals(2, in.getInt(), "version");
        assertEquals(glb.length, in.getInt(), "total length");
        int jsonLength = in.getInt();
        assertEquals(0x4E4F534A, in.getInt(), "JSON chunk first");
        assertEquals(0, jsonLength % 4, "chunks are 4-byte aligned");
        byte[] jsonBytes = new byte[jsonLength];
        in.get(jsonBytes);
        Object json = Json.parse(new String(jsonBytes, StandardCharsets.UTF_8).trim());
        int binLength = in.getInt();
        assertEquals(0x004E4942, in.getInt(), "BIN chunk second");
        assertEquals(in.remaining(), binLength);
        assertEquals(binLength, ((Number) at(json, "buffers", 0, "byteLength")).intValue());

        assertEquals("2.0", at(json, "asset", "version"));
        assertEquals(List.of(0L), at(json, "scenes", 0, "nodes"));
        assertEquals(List.of(1L), at(json, "nodes", 0, "children"));
        List<Number> up = at(json, "nodes", 0, "matrix");
        assertEquals(List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
                up.stream().map(Number::doubleValue).toList(), "z-up (x, y, z) becomes y-up (x, z, -y)");
        List<Number> placed = at(json, "nodes", 1, "matrix");
        assertEquals(List.of(0.0, 1.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 10.0, 20.0, 30.0, 1.0),
                placed.stream().map(Number::doubleValue).toList(), "rotation column-major, origin as translation");
        assertEquals((Object) 0L, at(json, "nodes", 1, "mesh"));

        List<Object> primitives = at(json, "meshes", 0, "primitives");
        assertEquals(2, primitives.size());
        assertEquals((Object) 4L, at(primitives, 0, "mode"));
        assertEquals((Object) 3L, at(primitives, 1, "mode"), "an open polyline is a LINE_STRIP");
        long positions = at(primitives, 0, "attributes", "POSITION");
        long indices = at(primitives, 0, "indices");
        assertEquals((Object) 4L, at(json, "accessors", (int) positions, "count"));
        assertEquals("VEC3", at(json, "accessors", (int) positions, "type"));
        assertEquals(List.of(0L, 0L, 1L), at(json, "accessors", (int) positions, "min"));
        assertEquals(List.of(2L, 3L, 1L), at(json, "accessors", (int) positions, "max"));
        assertEquals((Object) 6L, at(json, "accessors", (int) indices, "count"));
        assertEquals((Object) 5125L, at(json, "accessors", (int) indices, "componentType"));
        long line = at(primitives, 1, "attributes", "POSITION");
        assertEquals((Object) 3L, at(json, "accessors", (int) line, "count"));
        assertEquals(List.of(0L, -1L, 0L), at(json, "accessors", (int) line, "min"));
        assertEquals(List.of(1L, 0L, 0.5), at(json, "accessors", (int) line, "max"));

        // the index buffer view holds the indices as written
        long view = at(json, "accessors", (int) indices, "bufferView");
        int offset = ((Number) at(json, "bufferViews", (int) view, "byteOffset")).intValue();
        ByteBuffer bin = ByteBuffer.wrap(glb, glb.length - binLength, binLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        int[] read = new int[6];
        for (int i = 0; i < 6; i++) {
            read[i] = bin.getInt(offset + 4 * i);
        }
        assertEquals(List.of(0, 1, 2, 0, 2, 3), java.util.Arrays.stream(read).boxed().toList());
    }

    @Test
    void closedPolylineIsALineLoopAndEmptyGeometryDrawsNothing() {
        GeometryCodec.Decoded loop = GeometryCodec.decode(GeometryCodec.encode(new Geometry(List.of(),
                List.of(new Geometry.Polyline(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0}, true)))));
        byte[] glb = Glb.write("0x20", loop, null, null);
        int jsonLength = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
        Object json = Json.parse(new String(glb, 20, jsonLength, StandardCharsets.UTF_8).trim());
        assertEquals((Object) 2L, at(json, "meshes", 0, "primitives", 0, "mode"));
        assertNull(Glb.write("0x20", new GeometryCodec.Decoded(List.of(), List.of()), null, null));
        assertNull(GeometryCodec.encode(new Geometry(List.of(), List.of())));
    }
}
