package io.sinter.core.internal.change;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.connector.api.Relationship;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A 128-bit fingerprint of an element exactly as the connector gave it: everything its {@link ElementContent#checksum
 * checksum} covers (class, category, parent, code, label, placement, properties, relationships, geometry), in the
 * given order and without normalising anything. Equal fingerprints therefore mean equal input to the checksum and so
 * equal checksums; different fingerprints say nothing (the same content with its properties in another order, or
 * {@code 3} instead of {@code 3.0}, has another fingerprint but the same checksum).
 *
 * <p>Change detection uses it as a shortcut: an element whose fingerprint equals the one stored with its unchanged
 * previous state is unchanged without building its canonical JSON and SHA-256 (api.md section 6.3 still decides by
 * checksum whenever the fingerprints differ or one is missing). The function is MurmurHash3 x64/128 over a stream
 * of tagged 64-bit words (a type tag and length before each value, four UTF-16 chars per word), so values cannot
 * run into each other. It is not cryptographic: a file crafted to collide with its previous version's fingerprint
 * could hide a change from the shortcut; a random change goes unnoticed with probability 2<sup>-128</sup>.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record Fingerprint(long high, long low) {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long NULL = 1L << 56;
    private static final long STRING = 2L << 56;
    private static final long TRUE = 3L << 56;
    private static final long FALSE = 4L << 56;
    private static final long INTEGER = 5L << 56;
    private static final long DOUBLE = 6L << 56;
    private static final long DECIMAL = 7L << 56;
    private static final long MAP = 8L << 56;
    private static final long LIST = 9L << 56;
    private static final long PLACEMENT = 10L << 56;
    private static final long GEOMETRY = 11L << 56;
    private static final long FLOAT = 12L << 56;

    /** Thrown inside {@link #of} for a value the fingerprint does not know. */
    private static final class Unknown extends Exception {
        private static final long serialVersionUID = 1L;

        Unknown() {
            super(null, null, false, false);
        }
    }

    private static final Unknown UNKNOWN = new Unknown();

    /**
     * @return the fingerprint of {@code element}, or null when one of its property values is of a type other than
     *         string, boolean, integer (long, int, short, byte), double, float, BigDecimal, BigInteger, map with string
     *         keys, list or null (such an element is always compared by checksum)
     */
    public static Fingerprint of(Element element) {
        Hasher h = new Hasher();
        try {
            h.string(element.classFullName());
            h.string(element.category());
            h.string(element.parentIdentifier());
            h.string(element.codeValue());
            h.string(element.userLabel());
            placement(h, element.placement());
            h.value(element.properties());
            List<Relationship> relationships = element.relationships();
            h.word(LIST | relationships.size());
            for (Relationship r : relationships) {
                h.string(r.type());
                h.string(r.targetIdentifier());
            }
            geometry(h, element.geometry());
        } catch (Unknown e) {
            return null;
        }
        return h.finish();
    }

    private static void placement(Hasher h, Placement placement) {
        if (placement == null) {
            h.word(NULL);
            return;
        }
        h.word(PLACEMENT);
        point(h, placement.origin());
        for (double r : placement.rotation()) {
            h.word(Double.doubleToRawLongBits(r));
        }
        Box box = placement.bbox();
        if (box == null) {
            h.word(NULL);
        } else {
            h.word(PLACEMENT | 1);
            point(h, box.low());
            point(h, box.high());
        }
    }

    private static void point(Hasher h, Point3 p) {
        h.word(Double.doubleToRawLongBits(p.x()));
        h.word(Double.doubleToRawLongBits(p.y()));
        h.word(Double.doubleToRawLongBits(p.z()));
    }

    private static void geometry(Hasher h, Geometry geometry) {
        if (geometry == null) {
            h.word(NULL);
            return;
        }
        h.word(GEOMETRY | geometry.meshes().size());
        for (Geometry.Mesh mesh : geometry.meshes()) {
            doubles(h, mesh.vertices());
            int[] triangles = mesh.triangles();
            h.word(LIST | triangles.length);
            for (int t : triangles) {
                h.word(t);
            }
        }
        h.word(GEOMETRY | geometry.polylines().size());
        for (Geometry.Polyline line : geometry.polylines()) {
            doubles(h, line.points());
            h.word(line.closed() ? TRUE : FALSE);
        }
    }

    private static void doubles(Hasher h, double[] values) {
        h.word(LIST | values.length);
        for (double v : values) {
            h.word(Double.doubleToRawLongBits(v));
        }
    }

    /** @return the 32 lower-case hex digits of {@link #high} then {@link #low} */
    @Override
    public String toString() {
        return String.format("%016x%016x", high, low);
    }

    /** @return the fingerprint written by {@link #toString}, or null for null or an empty string */
    public static Fingerprint parse(String hex) {
        if (hex == null || hex.isEmpty()) {
            return null;
        }
        if (hex.length() != 32) {
            throw new IllegalArgumentException("a fingerprint has 32 hex digits: " + hex);
        }
        return new Fingerprint(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16));
    }

    /** MurmurHash3 x64/128 (seed 0) over 64-bit words taken in pairs as its 16-byte blocks. */
    private static final class Hasher {
        private long h1;
        private long h2;
        private long pending;
        private boolean half;
        private long words;

        void word(long k) {
            words++;
            if (!half) {
                pending = k;
                half = true;
                return;
            }
            half = false;
            long k1 = pending * C1;
            k1 = Long.rotateLeft(k1, 31) * C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            long k2 = k * C2;
            k2 = Long.rotateLeft(k2, 33) * C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        void string(String s) {
            if (s == null) {
                word(NULL);
                return;
            }
            int n = s.length();
            word(STRING | n);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                word((long) s.charAt(i) << 48 | (long) s.charAt(i + 1) << 32 | (long) s.charAt(i + 2) << 16 | s.charAt(i + 3));
            }
            if (i < n) {
                long last = 0;
                for (; i < n; i++) {
                    last = last << 16 | s.charAt(i);
                }
                word(last);
            }
        }

        void value(Object value) throws Unknown {
            if (value == null) {
                word(NULL);
            } else if (value instanceof String s) {
                string(s);
            } else if (value instanceof Boolean b) {
                word(b ? TRUE : FALSE);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                word(INTEGER);
                word(((Number) value).longValue());
            } else if (value instanceof Double d) {
                word(DOUBLE);
                word(Double.doubleToRawLongBits(d));
            } else if (value instanceof Float f) {
                word(FLOAT);
                word(Float.floatToRawIntBits(f));
            } else if (value instanceof BigDecimal || value instanceof BigInteger) {
                word(DECIMAL);
                string(value.toString());
            } else if (value instanceof Map<?, ?> map) {
                word(MAP | map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw UNKNOWN;
                    }
                    string(key);
                    value(e.getValue());
                }
            } else if (value instanceof List<?> list) {
                word(LIST | list.size());
                for (Object item : list) {
                    value(item);
                }
            } else {
                throw UNKNOWN;
            }
        }

        Fingerprint finish() {
            long h1 = this.h1;
            long h2 = this.h2;
            if (half) {
                long k1 = pending * C1;
                k1 = Long.rotateLeft(k1, 31) * C2;
                h1 ^= k1;
            }
            long length = words * 8;
            h1 ^= length;
            h2 ^= length;
            h1 += h2;
            h2 += h1;
            h1 = mix(h1);
            h2 = mix(h2);
            h1 += h2;
            h2 += h1;
            return new Fingerprint(h1, h2);
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb93fe1a85ec3L;
            k ^= k >>> 33;
            return k;
        }
    }
}
