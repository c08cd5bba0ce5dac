package io.sinter.connector.dxf.internal.reader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The TABLES section: every entry of every table as a generic record, plus typed views of LAYER, LTYPE and
 * BLOCK_RECORD. Names are looked up case-insensitively, as AutoCAD treats them.
 */
public final class DxfTables {
    private final Map<String, List<DxfRecord>> entries;
    private final Named<DxfLayer> layers;
    private final Named<DxfLineType> lineTypes;
    private final Named<DxfBlockRecord> blockRecords;

    private DxfTables(Map<String, List<DxfRecord>> entries, Named<DxfLayer> layers, Named<DxfLineType> lineTypes,
            Named<DxfBlockRecord> blockRecords) {
        this.entries = entries;
        this.layers = layers;
        this.lineTypes = lineTypes;
        this.blockRecords = blockRecords;
    }

    /** @return tables of a drawing without TABLES section */
    public static DxfTables empty() {
        return new Builder().build();
    }

    /** @return the table names in file order, upper case (e.g. {@code VPORT}, {@code LTYPE}, {@code LAYER}) */
    public Set<String> tableNames() {
        return entries.keySet();
    }

    /** @return the entries of a table (any table, e.g. {@code STYLE} or {@code DIMSTYLE}), empty if absent */
    public List<DxfRecord> entries(String table) {
        return entries.getOrDefault(table.toUpperCase(Locale.ROOT), List.of());
    }

    /** @return the layers in file order */
    public List<DxfLayer> layers() {
        return layers.list;
    }

    /** @return the layer of that name */
    public Optional<DxfLayer> layer(String name) {
        return layers.get(name);
    }

    /** @return the line types in file order */
    public List<DxfLineType> lineTypes() {
        return lineTypes.list;
    }

    /** @return the line type of that name */
    public Optional<DxfLineType> lineType(String name) {
        return lineTypes.get(name);
    }

    /** @return the block records in file order */
    public List<DxfBlockRecord> blockRecords() {
        return blockRecords.list;
    }

    /** @return the block record of that name */
    public Optional<DxfBlockRecord> blockRecord(String name) {
        return blockRecords.get(name);
    }

    private static String key(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }

    /** Entries in file order with a case-insensitive index; the first of two equal names wins. */
    private record Named<T>(List<T> list, Map<String, T> byName) {
        Optional<T> get(String name) {
            return Optional.ofNullable(byName.get(key(name)));
        }
    }

    /** Collects table entries while the TABLES section is read. */
    static final class Builder {
        private final Map<String, List<DxfRecord>> entries = new LinkedHashMap<>();
        private final Set<String> names = new HashSet<>();

        /** Notes a table even if it turns out empty. */
        void table(String table) {
            entries.computeIfAbsent(key(table), name -> new ArrayList<>());
        }

        /**
         * Adds an entry; all entries are kept as records, but for a repeated name the typed views keep the first.
         *
         * @return false when the table already holds an entry of that name (normal for VPORT and for the
         *         unnamed STYLE entries of shape files)
         */
        boolean add(String table, DxfRecord entry) {
            String tableKey = key(table);
            entries.computeIfAbsent(tableKey, name -> new ArrayList<>()).add(entry);
            return names.add(tableKey + '\n' + key(entry.string(2, "")));
        }

        DxfTables build() {
            Map<String, List<DxfRecord>> copy = new LinkedHashMap<>();
            entries.forEach((table, records) -> copy.put(table, List.copyOf(records)));
            return new DxfTables(Collections.unmodifiableMap(copy), named(copy, "LAYER", DxfLayer::of, DxfLayer::name),
                    named(copy, "LTYPE", DxfLineType::of, DxfLineType::name),
                    named(copy, "BLOCK_RECORD", DxfBlockRecord::of, DxfBlockRecord::name));
        }

        private static <T> Named<T> named(Map<String, List<DxfRecord>> tables, String table,
                Function<DxfRecord, T> factory, Function<T, String> name) {
            List<T> list = new ArrayList<>();
            Map<String, T> byName = new LinkedHashMap<>();
            for (DxfRecord record : tables.getOrDefault(table, List.of())) {
                T entry = factory.apply(record);
                list.add(entry);
                byName.putIfAbsent(key(name.apply(entry)), entry);
            }
            return new Named<>(List.copyOf(list), Collections.unmodifiableMap(byName));
        }
    }
}
