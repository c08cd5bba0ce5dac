package io.sinter.core.internal.change;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.connector.api.Relationship;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The synchronized content of a connector {@link Element} in canonical form, and the checksums change detection
 * compares (api.md sections 6.2 and 6.3a). All three checksums are lower-case hex SHA-256 of the
 * {@link CanonicalJson canonical JSON} of a content map:
 *
 * <ul>
 * <li>{@link #checksum} (stored as {@code provenance.checksum}): {@code classFullName}, {@code category},
 * {@code parent} (the parent's source identifier or null), {@code codeValue}, {@code userLabel},
 * {@code placement}, {@code properties}, {@code relationships} ({@code [{type, target}]} sorted by type, then
 * target identifier, duplicates kept) and {@code geometry} (see {@link #geometryDigest}, or null).</li>
 * <li>{@link #contentChecksum}: the same without any identifier, for re-matching by content when identifiers
 * churn: {@code hasParent} (boolean) instead of {@code parent}, and {@code relationships} reduced to the sorted
 * list of their types (with multiplicity).</li>
 * <li>{@link #nonGeometricChecksum}: the identifier-free content without {@code placement} and {@code geometry}.
 * Matching within a connector's geometric tolerance (section 6.3a) pairs elements with equal non-geometric
 * checksums whose origin and bounding box agree within the tolerance; {@link Diff} itself matches only on
 * equal {@code contentChecksum}.</li>
 * </ul>
 *
 * <p>Normalisation, so that file-internal details never reach a checksum: every string (values, property names,
 * identifiers) is NFC-normalised; {@code placement} is {@code {origin:[x,y,z], rotation:[[3],[3],[3]] (row-major),
 * bbox:{low:[3],high:[3]} or null}} with coordinates rounded to 1e-6 m and rotation entries to 1e-9, each as
 * {@code Math.round(v * 10^6)} resp. {@code Math.round(v * 10^9)} of the double (ties up, -0 becomes 0), written
 * as exact decimals; property numbers are written as {@link CanonicalJson} writes them (so {@code 3} and
 * {@code 3.0} are equal). The element's own kind, identifier, federation GUID and informational version are not
 * content.
 */
public final class ElementContent {
    private static final double MICRO = 1e6;
    private static final double NANO = 1e9;
    private static final double LONG_RANGE = 0x1p63;

    private ElementContent() {
    }

    /**
     * The three checksums of one element.
     *
     * @param checksum with identifiers, as stored in {@code provenance.checksum}
     * @param contentChecksum without identifiers, for re-matching
     * @param nonGeometricChecksum without identifiers, placement and geometry, for tolerance matching
     */
    public record Checksums(String checksum, String contentChecksum, String nonGeometricChecksum) {
    }

    /** @return all three checksums of {@code element}, normalising its content only once */
    public static Checksums checksums(Element element) {
        return analyse(element).checksums();
    }

    /**
     * The checksums of an element together with the canonical JSON text of its {@link #content} (the text the
     * {@code checksum} is the SHA-256 of), so that a caller storing the content does not normalise and write it again.
     *
     * @param checksums the three checksums
     * @param contentJson {@code CanonicalJson.write(content(element))}
     */
    public record Analysis(Checksums checksums, String contentJson) {
        /**
         * @return the canonical JSON of the content map with one more member {@code key: value}, equal to
         *         {@code CanonicalJson.write(content + {key: value})} for a key that is not a content key
         */
        public String contentJsonWith(String key, Object value) {
            StringBuilder out = new StringBuilder(contentJson.length() + key.length() + 32);
            if (key.compareTo(LAST_CONTENT_KEY) > 0) {
                // sorts after every content key: the member goes last
                out.append(contentJson, 0, contentJson.length() - 1).append(',');
                CanonicalJson.append(out, key);
                out.append(':');
                CanonicalJson.append(out, value);
                return out.append('}').toString();
            }
            throw new IllegalArgumentException("not a key that sorts after the content keys: " + key);
        }
    }

    /** The content key that sorts last (see {@link Parts#withIdentifiers}). */
    private static final String LAST_CONTENT_KEY = "userLabel";

    /** @return the three checksums of {@code element} and the canonical JSON of its content, normalising it only once */
    public static Analysis analyse(Element element) {
        Parts parts = new Parts(element, true);
        String content = CanonicalJson.write(parts.withIdentifiers(UnaryOperator.identity()));
        Checksums checksums = new Checksums(
                Hashes.sha256Hex(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                CanonicalJson.sha256Hex(parts.withoutIdentifiers(true)),
                CanonicalJson.sha256Hex(parts.withoutIdentifiers(false)));
        return new Analysis(checksums, content);
    }

    /**
     * An element's content normalised once, with its {@code checksum} and canonical JSON; the identifier-free
     * {@code contentChecksum} is computed only when asked for (an element found unchanged by its checksum never needs it).
     */
    public static final class Prepared {
        private final Parts parts;
        private final String contentJson;
        private final byte[] digest;
        private String checksum;

        private Prepared(Element element) {
            this.parts = new Parts(element, true);
            this.contentJson = CanonicalJson.write(parts.withIdentifiers(UnaryOperator.identity()));
            this.digest = Hashes.sha256Digest(contentJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** @return {@link ElementContent#checksum(Element)} */
        public String checksum() {
            if (checksum == null) {
                checksum = Hashes.hex(digest);
            }
            return checksum;
        }

        /** @return the SHA-256 that {@link #checksum()} writes in hex (32 bytes; do not modify) */
        public byte[] checksumDigest() {
            return digest;
        }

        /** @return {@link ElementContent#contentChecksum(Element)} */
        public String contentChecksum() {
            return CanonicalJson.sha256Hex(parts.withoutIdentifiers(true));
        }

        /** @return as {@link Analysis#contentJsonWith} */
        public String contentJsonWith(String key, Object value) {
            return new Analysis(null, contentJson).contentJsonWith(key, value);
        }
    }

    /** @return the element's content normalised once, with its checksum (see {@link Prepared}) */
    public static Prepared prepare(Element element) {
        return new Prepared(element);
    }

    /** @return the checksum stored in {@code provenance.checksum} (api.md section 6.2) */
    public static String checksum(Element element) {
        return CanonicalJson.sha256Hex(new Parts(element, true).withIdentifiers(UnaryOperator.identity()));
    }

    /**
     * The checksum with the identifiers of the parent and of relationship targets passed through {@code rename}
     * first. After re-matching (api.md section 6.3a) {@code rename} maps each re-keyed new identifier to the
     * stored one (see {@link Diff.Result#previousIdentifiers()}); an element whose renamed checksum equals its
     * stored checksum refers to the same elements as before and is unchanged.
     */
    public static String checksum(Element element, UnaryOperator<String> rename) {
        return CanonicalJson.sha256Hex(new Parts(element, true).withIdentifiers(rename));
    }

    /** @return the checksum without identifiers, used to re-match elements whose identifiers changed */
    public static String contentChecksum(Element element) {
        return CanonicalJson.sha256Hex(new Parts(element, true).withoutIdentifiers(true));
    }

    /** @return the checksum without identifiers, placement and geometry */
    public static String nonGeometricChecksum(Element element) {
        return CanonicalJson.sha256Hex(new Parts(element, true).withoutIdentifiers(false));
    }

    /** @return the content map {@link #checksum(Element)} hashes, for diagnostics and tests */
    public static Map<String, Object> content(Element element) {
        return new Parts(element, false).withIdentifiers(UnaryOperator.identity());
    }

    /**
     * The canonical {@code placement} map: {@code origin}, {@code rotation} (3x3, row-major) and {@code bbox}
     * ({@code {low, high}} or null), coordinates rounded to 1e-6 m and rotation entries to 1e-9, as exact
     * {@link BigDecimal}s.
     *
     * @return the map, or null for a null placement
     * @throws IllegalArgumentException for a coordinate that is not finite or beyond ±9.2e12 m
     */
    public static Map<String, Object> placement(Placement placement) {
        if (placement == null) {
            return null;
        }
        double[] r = placement.rotation();
        List<Object> rotation = new ArrayList<>(3);
        for (int row = 0; row < 3; row++) {
            rotation.add(List.of(rounded(r[3 * row], NANO, 9), rounded(r[3 * row + 1], NANO, 9), rounded(r[3 * row + 2], NANO, 9)));
        }
        Map<String, Object> map = new HashMap<>(6);
        map.put("origin", point(placement.origin()));
        map.put("rotation", rotation);
        Box bbox = placement.bbox();
        map.put("bbox", bbox == null ? null : Map.of("low", point(bbox.low()), "high", point(bbox.high())));
        return map;
    }

    /**
     * Lower-case hex SHA-256 of the canonical binary form of {@code geometry}, or null when it is null or empty.
     *
     * <p>The binary form does not depend on how the source orders or indexes things: all triangles of all meshes
     * form one multiset; each triangle is three vertices in micrometres ({@code Math.round(v * 10^6)}, 64-bit),
     * cyclically rotated to start at its smallest vertex (x, then y, then z) so that its winding is kept; the
     * triangles are sorted. Vertices no triangle uses are not shape and ignored. Each polyline is its closed flag
     * and its points in micrometres in their order (a polyline's direction is data); the polylines are sorted.
     * Layout, big-endian: {@code 'T'}, triangle count (int64), 9 int64 per triangle; {@code 'L'}, polyline count
     * (int64), then per polyline: closed (one byte 0/1), point count (int64), 3 int64 per point.
     *
     * @throws IllegalArgumentException for a coordinate that is not finite or beyond ±9.2e12 m
     */
    public static String geometryDigest(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        int triangleCount = 0;
        for (Geometry.Mesh mesh : geometry.meshes()) {
            triangleCount += mesh.triangles().length / 3;
        }
        long[] triangles = new long[Math.multiplyExact(triangleCount, 9)];
        int t = 0;
        long[] vertex = new long[9];
        for (Geometry.Mesh mesh : geometry.meshes()) {
            double[] vertices = mesh.vertices();
            int[] indices = mesh.triangles();
            for (int i = 0; i < indices.length; i += 3) {
                for (int corner = 0; corner < 3; corner++) {
                    int base = 3 * indices[i + corner];
                    vertex[3 * corner] = micros(vertices[base]);
                    vertex[3 * corner + 1] = micros(vertices[base + 1]);
                    vertex[3 * corner + 2] = micros(vertices[base + 2]);
                }
                int first = smallestCorner(vertex);
                for (int corner = 0; corner < 3; corner++) {
                    System.arraycopy(vertex, 3 * ((first + corner) % 3), triangles, 9 * t + 3 * corner, 3);
                }
                t++;
            }
        }
        int[] order = IndexSort.identity(triangleCount);
        IndexSort.sort(order, (a, b) -> Arrays.compare(triangles, 9 * a, 9 * a + 9, triangles, 9 * b, 9 * b + 9));

        List<long[]> polylines = new ArrayList<>(geometry.polylines().size());
        for (Geometry.Polyline polyline : geometry.polylines()) {
            double[] points = polyline.points();
            long[] record = new long[points.length + 1];
            record[0] = polyline.closed() ? 1 : 0;
            for (int i = 0; i < points.length; i++) {
                record[i + 1] = micros(points[i]);
            }
            polylines.add(record);
        }
        polylines.sort(Arrays::compare);

        DigestWriter out = new DigestWriter();
        out.putByte('T');
        out.putLong(triangleCount);
        for (int index : order) {
            for (int i = 9 * index, end = i + 9; i < end; i++) {
                out.putLong(triangles[i]);
            }
        }
        out.putByte('L');
        out.putLong(polylines.size());
        for (long[] record : polylines) {
            out.putByte((int) record[0]);
            out.putLong((record.length - 1) / 3);
            for (int i = 1; i < record.length; i++) {
                out.putLong(record[i]);
            }
        }
        return out.hex();
    }

    /**
     * Returns {@code value} with every string, map key included, NFC-normalised, recursively. When two keys of one
     * map normalise to the same key (canonically equivalent names), the entry whose original key sorts first by
     * {@link String#compareTo} is kept, so the result does not depend on insertion order.
     */
    public static Object normalize(Object value) {
        if (value instanceof String s) {
            return nfc(s);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(normalize(item));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>(Math.max(4, map.size() * 2));
            Map<String, String> originalKeys = null;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a map key is no string: " + entry.getKey());
                }
                String normalKey = nfc(key);
                if (copy.containsKey(normalKey)) {
                    if (originalKeys == null) {
                        originalKeys = new HashMap<>();
                        for (Map.Entry<?, ?> e : map.entrySet()) {
                            String k = (String) e.getKey();
                            originalKeys.merge(nfc(k), k, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                        }
                    }
                    if (!originalKeys.get(normalKey).equals(key)) {
                        continue;
                    }
                }
                copy.put(normalKey, normalize(entry.getValue()));
            }
            return copy;
        }
        return value;
    }

    /** @return {@code s} in Unicode normalization form C; null stays null */
    static String nfc(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            // below U+0300 every character is NFC-stable and combines with nothing that follows it
            if (s.charAt(i) >= 0x300) {
                return Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    /** The rounded value of {@code v * factor}, as a decimal with {@code scale} fraction digits. */
    private static BigDecimal rounded(double v, double factor, int scale) {
        return BigDecimal.valueOf(scaled(v, factor), scale);
    }

    private static long micros(double v) {
        return scaled(v, MICRO);
    }

    private static long scaled(double v, double factor) {
        double s = v * factor;
        if (!(Math.abs(s) < LONG_RANGE)) {
            throw new IllegalArgumentException("coordinate out of range: " + v);
        }
        return Math.round(s);
    }

    private static List<Object> point(Point3 p) {
        return List.of(rounded(p.x(), MICRO, 6), rounded(p.y(), MICRO, 6), rounded(p.z(), MICRO, 6));
    }

    private static int smallestCorner(long[] vertex) {
        int smallest = 0;
        for (int corner = 1; corner < 3; corner++) {
            if (Arrays.compare(vertex, 3 * corner, 3 * corner + 3, vertex, 3 * smallest, 3 * smallest + 3) < 0) {
                smallest = corner;
            }
        }
        return smallest;
    }

    /** An element's content, normalised once, from which the three content maps are built. */
    private static final class Parts {
        private static final Comparator<Relationship> BY_TYPE_THEN_TARGET =
                Comparator.comparing(Relationship::type).thenComparing(Relationship::targetIdentifier);

        private final Element element;
        private final String category;
        private final String codeValue;
        private final String userLabel;
        private final Object properties;
        private final Object placement;
        private final String geometry;

        Parts(Element element, boolean rendered) {
            this.element = element;
            this.category = nfc(element.category());
            this.codeValue = nfc(element.codeValue());
            this.userLabel = nfc(element.userLabel());
            Object normalProperties = normalize(element.properties());
            Map<String, Object> canonicalPlacement = placement(element.placement());
            // rendered once when several checksums embed them; plain maps when the content itself is wanted
            this.properties = rendered ? CanonicalJson.render(normalProperties) : normalProperties;
            this.placement = rendered && canonicalPlacement != null ? CanonicalJson.render(canonicalPlacement) : canonicalPlacement;
            this.geometry = geometryDigest(element.geometry());
        }

        Map<String, Object> withIdentifiers(UnaryOperator<String> rename) {
            Map<String, Object> map = common();
            String parent = element.parentIdentifier();
            map.put("parent", parent == null ? null : nfc(rename.apply(parent)));
            List<Relationship> relationships = new ArrayList<>(element.relationships().size());
            for (Relationship r : element.relationships()) {
                relationships.add(new Relationship(nfc(r.type()), nfc(rename.apply(r.targetIdentifier()))));
            }
            relationships.sort(BY_TYPE_THEN_TARGET);
            List<Object> list = new ArrayList<>(relationships.size());
            for (Relationship r : relationships) {
                list.add(Map.of("type", r.type(), "target", r.targetIdentifier()));
            }
            map.put("relationships", list);
            map.put("placement", placement);
            map.put("geometry", geometry);
            return map;
        }

        Map<String, Object> withoutIdentifiers(boolean geometric) {
            Map<String, Object> map = common();
            map.put("hasParent", element.parentIdentifier() != null);
            List<String> types = new ArrayList<>(element.relationships().size());
            for (Relationship r : element.relationships()) {
                types.add(nfc(r.type()));
            }
            types.sort(null);
            map.put("relationships", types);
            if (geometric) {
                map.put("placement", placement);
                map.put("geometry", geometry);
            }
            return map;
        }

        private Map<String, Object> common() {
            Map<String, Object> map = new LinkedHashMap<>(16);
            map.put("classFullName", nfc(element.classFullName()));
            map.put("category", category);
            map.put("codeValue", codeValue);
            map.put("userLabel", userLabel);
            map.put("properties", properties);
            return map;
        }
    }

    /** Feeds big-endian primitives to a SHA-256 digest through a small buffer. */
    private static final class DigestWriter {
        private final MessageDigest digest = Hashes.sha256();
        private final ByteBuffer buffer = ByteBuffer.allocate(8192);

        void putByte(int b) {
            ensure(1);
            buffer.put((byte) b);
        }

        void putLong(long v) {
            ensure(8);
            buffer.putLong(v);
        }

        String hex() {
            flush();
            return Hashes.hex(digest.digest());
        }

        private void ensure(int bytes) {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() {
            digest.update(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
