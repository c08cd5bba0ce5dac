package io.sinter.connector.dxf.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Issue;
import io.sinter.connector.dxf.internal.reader.DxfBlock;
import io.sinter.connector.dxf.internal.reader.DxfBlockRecord;
import io.sinter.connector.dxf.internal.reader.DxfDrawing;
import io.sinter.connector.dxf.internal.reader.DxfHeader;
import io.sinter.connector.dxf.internal.reader.DxfRecord;
import io.sinter.connector.dxf.internal.reader.DxfTables;
import io.sinter.connector.dxf.internal.reader.DxfVisitor;
import io.sinter.connector.dxf.internal.reader.DxfWarning;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * One file's extraction: receives the drawing from the reader and streams an element per model-space entity to the
 * context. Holds the tables and block definitions (which the reader hands out before the entities), never the
 * entities themselves.
 */
final class DxfExtraction implements DxfVisitor<ConnectorException> {
    /** Entities between two cancellation checks and progress reports. */
    static final int CHECK_INTERVAL = 1000;
    /** Issues of one category reported one by one; the rest are counted in one summary issue. */
    static final int ISSUES_PER_CATEGORY = 100;

    private final ConnectorContext context;
    private final DrawingUnit unitlessUnit;
    private final String unitlessSetting;
    private final LongSupplier bytesRead;
    private final long fileSize;
    private final Map<String, DxfBlock> blocks = new HashMap<>();
    private final Set<String> declaredClasses = new HashSet<>();
    private final Set<String> paperSpaceOwners = new HashSet<>();
    private final Map<String, Integer> issueCounts = new HashMap<>();
    private final Map<String, Integer> withoutGeometry = new TreeMap<>();
    private DxfTables tables;
    private double metresPerUnit = 1;
    private EntityMapper mapper;
    private long entities;
    private long paperSpace;

    /**
     * @param unitlessUnit    the unit of a drawing without {@code $INSUNITS}
     * @param unitlessSetting the setting's text if it was given but not understood, else null
     * @param bytesRead       how far the reader got, for progress
     * @param fileSize        the file's length, or -1
     */
    DxfExtraction(ConnectorContext context, DrawingUnit unitlessUnit, String unitlessSetting, LongSupplier bytesRead,
            long fileSize) {
        this.context = context;
        this.unitlessUnit = unitlessUnit;
        this.unitlessSetting = unitlessSetting;
        this.bytesRead = bytesRead;
        this.fileSize = fileSize;
    }

    @Override
    public void header(DxfHeader header) {
        int code = header.insUnits();
        Optional<DrawingUnit> unit = DrawingUnit.ofCode(code);
        if (unitlessSetting != null) {
            issue(Issue.warning("Units", "The setting unitlessUnit='" + unitlessSetting
                    + "' names no length unit; " + unitlessUnit.name() + " are used.", null));
        }
        DrawingUnit used;
        if (unit.isEmpty() || unit.get().unitless()) {
            used = unitlessUnit;
            String why;
            if (unit.isPresent()) {
                why = header.integer("$INSUNITS").isEmpty() ? "does not state its unit ($INSUNITS absent)"
                        : "is unitless ($INSUNITS=0)";
            } else {
                why = "has the unknown unit code $INSUNITS=" + code;
            }
            issue(Issue.info("Units", "The drawing " + why + "; its coordinates are read as " + used.name()
                    + " (connector setting unitlessUnit)."));
        } else {
            used = unit.get();
        }
        metresPerUnit = used.metres();
        context.units(used.name(), used.metres());
    }

    @Override
    public void tables(DxfTables newTables) {
        this.tables = newTables;
        paperSpaceOwners.clear();
        for (DxfBlockRecord record : newTables.blockRecords()) {
            if (record.name().toUpperCase(Locale.ROOT).startsWith("*PAPER_SPACE")) {
                record.record().handle().ifPresent(h -> paperSpaceOwners.add(h.toUpperCase(Locale.ROOT)));
            }
        }
        mapper = null;
    }

    @Override
    public void block(DxfBlock block) {
        blocks.putIfAbsent(block.name().toUpperCase(Locale.ROOT), block);
    }

    @Override
    public void entity(DxfRecord entity) throws ConnectorException {
        if (++entities % CHECK_INTERVAL == 0) {
            context.checkCancelled();
            context.progress(bytesRead.getAsLong(), fileSize);
        }
        if (inPaperSpace(entity)) {
            paperSpace++;
            return;
        }
        EntityMapper.Mapped mapped = mapper().map(entity);
        String className = mapped.element().classFullName();
        if (declaredClasses.add(className)) {
            context.declareClass(new ClassDefinition(className, null, "DXF " + entity.type().toUpperCase(Locale.ROOT)
                    + " entity"));
        }
        if (mapped.syntheticIdentifier()) {
            issue(Issue.warning("MissingHandle", entity.type() + " at " + entity.position().describe()
                    + " has no handle; its identifier " + mapped.element().identifier()
                    + " is derived from its content and changes when the entity changes.",
                    mapped.element().identifier()));
        }
        if (!mapped.geometryKnown()) {
            withoutGeometry.merge(className.substring(className.indexOf(':') + 1), 1, Integer::sum);
        }
        mapped.issues().forEach(this::issue);
        context.element(mapped.element());
    }

    /** Reports what is only known at the end: the reader's warnings, geolocation, skipped and unsupported entities. */
    void finish(DxfDrawing drawing) {
        for (DxfWarning warning : drawing.warnings()) {
            issue(Issue.warning("DxfStructure", warning.toString(), null));
        }
        drawing.geoData().ifPresent(geoData -> {
            GeoData.Result result = GeoData.read(geoData, metresPerUnit);
            if (result.geolocation() != null) {
                context.geolocation(result.geolocation());
            } else {
                issue(Issue.info("Geolocation", result.reason()));
            }
        });
        if (paperSpace > 0) {
            issue(Issue.info("PaperSpace", paperSpace + " paper-space entit" + (paperSpace == 1 ? "y was" : "ies were")
                    + " skipped; only model space is synchronized."));
        }
        withoutGeometry.forEach((type, count) -> issue(Issue.info("UnsupportedEntity", count + " " + type
                + " entit" + (count == 1 ? "y has" : "ies have") + " no geometry: the connector does not read the "
                + "shape of this type; they are placed at their first point, if any.")));
        issueCounts.forEach((category, count) -> {
            if (count > ISSUES_PER_CATEGORY) {
                context.issue(Issue.warning(category, (count - ISSUES_PER_CATEGORY) + " more issues of category "
                        + category + " are not listed.", null));
            }
        });
        context.progress(fileSize >= 0 ? fileSize : bytesRead.getAsLong(), fileSize);
    }

    private boolean inPaperSpace(DxfRecord entity) {
        return entity.integer(67, 0) == 1
                || entity.owner().map(owner -> paperSpaceOwners.contains(owner.toUpperCase(Locale.ROOT))).orElse(false);
    }

    private EntityMapper mapper() {
        if (mapper == null) {
            DxfTables known = tables != null ? tables : DxfTables.empty();
            mapper = new EntityMapper(known, name -> Optional.ofNullable(blocks.get(name.trim()
                    .toUpperCase(Locale.ROOT))), metresPerUnit);
        }
        return mapper;
    }

    private void issue(Issue issue) {
        int count = issueCounts.merge(issue.category(), 1, Integer::sum);
        if (count <= ISSUES_PER_CATEGORY) {
            context.issue(issue);
        }
    }
}
