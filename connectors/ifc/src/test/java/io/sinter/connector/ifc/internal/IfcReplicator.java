package io.sinter.connector.ifc.internal;

import io.sinter.connector.ifc.internal.model.IfcGuid;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a large IFC file for the benchmark ({@code benchmark/run.sh}) by replicating a real model: the
 * header and what the whole model shares (the IfcProject and what it references: units, contexts; every
 * IfcOwnerHistory and representation context with what they reference) are written once; every other
 * instance is written again in each copy, with its {@code #id} moved by a per-copy stride (references
 * inside the copy moved alike, references to shared instances kept), a fresh GlobalId when it has one,
 * and each copy's top-level IfcLocalPlacement placed relative to a new placement that moves the copy
 * beside the previous ones, so that every copy has its own geometry. Each copy's spatial structure hangs
 * off the one project (the copies' IfcRelAggregates reference it). Written streaming; copy 0 keeps the
 * source's ids and GlobalIds.
 *
 * <pre>
 * java -cp target/classes:target/test-classes io.sinter.connector.ifc.internal.IfcReplicator source.ifc target.ifc minBytes
 * </pre>
 */
public final class IfcReplicator {
    private static final double SPACING = 100.0;
    private static final int ROW = 16;

    private IfcReplicator() {
    }

    /** One instance of the source as written: {@code #id=TYPE(body);} split up. */
    private record Instance(long id, String type, String body, long[] refs) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: IfcReplicator source.ifc target.ifc minBytes");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        long minBytes = Long.parseLong(args[2]);
        long written = replicate(source, target, minBytes);
        System.out.printf(Locale.ROOT, "%s: %.1f MB from copies of %s%n", target, written / 1e6, source.getFileName());
    }

    /** @return the bytes written */
    static long replicate(Path source, Path target, long minBytes) throws IOException {
        String text = Files.readString(source, StandardCharsets.ISO_8859_1);
        int data = text.indexOf("DATA;", text.indexOf("ENDSEC;"));
        if (data < 0) {
            throw new IOException(source + " has no DATA section");
        }
        String header = text.substring(0, data);
        List<Instance> instances = instances(text, data + "DATA;".length());
        Map<Long, Instance> byId = new HashMap<>();
        long maxId = 0;
        for (Instance instance : instances) {
            byId.put(instance.id(), instance);
            maxId = Math.max(maxId, instance.id());
        }
        Set<Long> shared = shared(instances, byId);
        // copies' ids: id + copy * stride; the three placement instances of a copy after its last id
        long stride = maxId + 10;
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.toAbsolutePath().getParent());
        long bytes;
        try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20))) {
            out.write(header);
            out.write("DATA;\n");
            for (Instance instance : instances) {
                if (shared.contains(instance.id())) {
                    out.write("#" + instance.id() + "=" + instance.type() + "(" + instance.body() + ");\n");
                }
            }
            StringBuilder line = new StringBuilder(256);
            for (int copy = 0; out.count < minBytes || copy == 0; copy++) {
                long offset = copy * stride;
                String origin = null;
                if (copy > 0) {
                    long point = offset + maxId + 1;
                    origin = "#" + (point + 2);
                    out.write("#" + point + "=IFCCARTESIANPOINT((" + decimal((copy % ROW) * SPACING) + ","
                            + decimal((copy / ROW) * SPACING) + ",0.));\n");
                    out.write("#" + (point + 1) + "=IFCAXIS2PLACEMENT3D(#" + point + ",$,$);\n");
                    out.write(origin + "=IFCLOCALPLACEMENT($,#" + (point + 1) + ");\n");
                }
                for (Instance instance : instances) {
                    if (shared.contains(instance.id())) {
                        continue;
                    }
                    line.setLength(0);
                    line.append('#').append(instance.id() + offset).append('=').append(instance.type()).append('(');
                    String body = instance.body();
                    int from = 0;
                    if (copy > 0 && isGlobalId(body)) {
                        line.append('\'').append(IfcGuid.fromUuid(new UUID(0x5137e4L << 40 | copy, instance.id()))).append('\'');
                        from = 24;
                    }
                    if (origin != null && instance.type().equals("IFCLOCALPLACEMENT") && body.startsWith("$,")) {
                        line.append(origin);
                        from = 1;
                    }
                    remap(body, from, offset, shared, line);
                    line.append(");\n");
                    out.write(line);
                }
            }
            out.write("ENDSEC;\nEND-ISO-10303-21;\n");
            bytes = out.count;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return bytes;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** @return whether an entity's body starts with a 22-character string, a GlobalId */
    private static boolean isGlobalId(String body) {
        if (body.length() < 24 || body.charAt(0) != '\'' || body.charAt(23) != '\'') {
            return false;
        }
        return IfcGuid.toUuid(body.substring(1, 23)).isPresent();
    }

    /** Appends {@code body} from {@code from} with every reference outside strings moved by {@code offset} unless shared. */
    private static void remap(String body, int from, long offset, Set<Long> shared, StringBuilder out) {
        boolean inString = false;
        int i = from;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'') {
                inString = !inString; // '' inside a string toggles twice
                out.append(c);
                i++;
            } else if (c == '#' && !inString) {
                int end = i + 1;
                while (end < body.length() && Character.isDigit(body.charAt(end))) {
                    end++;
                }
                long id = Long.parseLong(body, i + 1, end, 10);
                out.append('#').append(shared.contains(id) ? id : id + offset);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** @return the ids of what all copies share: the project's closure, owner histories and contexts with theirs */
    private static Set<Long> shared(List<Instance> instances, Map<Long, Instance> byId) {
        Deque<Long> pending = new ArrayDeque<>();
        for (Instance instance : instances) {
            String type = instance.type();
            if (type.equals("IFCPROJECT") || type.equals("IFCOWNERHISTORY") || type.startsWith("IFCGEOMETRICREPRESENTATION")) {
                pending.add(instance.id());
            }
        }
        Set<Long> shared = new HashSet<>();
        while (!pending.isEmpty()) {
            long id = pending.pop();
            Instance instance = byId.get(id);
            if (instance != null && shared.add(id)) {
                for (long ref : instance.refs()) {
                    pending.push(ref);
                }
            }
        }
        return shared;
    }

    /** @return the instances of the DATA section starting at {@code from}, as written */
    private static List<Instance> instances(String text, int from) throws IOException {
        List<Instance> instances = new ArrayList<>();
        int i = from;
        while (true) {
            // skip white space and comments
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                    i = text.indexOf("*/", i + 2) + 2;
                } else {
                    break;
                }
            }
            int start = i;
            boolean inString = false;
            List<Long> refs = new ArrayList<>();
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'') {
                    inString = !inString;
                } else if (!inString && c == ';') {
                    break;
                } else if (!inString && c == '#' && i > start) {
                    int end = i + 1;
                    while (end < text.length() && Character.isDigit(text.charAt(end))) {
                        end++;
                    }
                    refs.add(Long.parseLong(text, i + 1, end, 10));
                    i = end - 1;
                }
            }
            String instance = text.substring(start, i).strip();
            i++;
            if (instance.equals("ENDSEC")) {
                return instances;
            }
            int equals = instance.indexOf('=');
            int open = instance.indexOf('(');
            if (!instance.startsWith("#") || equals < 0 || open < equals || !instance.endsWith(")")) {
                throw new IOException("cannot replicate instance: " + instance);
            }
            long id = Long.parseLong(instance.substring(1, equals).strip());
            String type = instance.substring(equals + 1, open).strip();
            String body = instance.substring(open + 1, instance.length() - 1).replace("\r", "").replace("\n", "");
            instances.add(new Instance(id, type, body, refs.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    /** An output stream of Latin-1 text that counts the bytes written. */
    private static final class Counting implements AutoCloseable {
        private final OutputStream out;
        private long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        void write(CharSequence text) throws IOException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            out.write(bytes);
            count += bytes.length;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
