package io.sinter.connector.dxf.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Issue;
import io.sinter.connector.dxf.internal.reader.DxfBlock;
import io.sinter.connector.dxf.internal.reader.DxfBlockRecord;
import io.sinter.connector.dxf.internal.reader.DxfDrawing;
import io.sinter.connector.dxf.internal.reader.DxfHeader;
import io.sinter.connector.dxf.internal.reader.DxfPair;
import io.sinter.connector.dxf.internal.reader.DxfRecord;
import io.sinter.connector.dxf.internal.reader.DxfTables;
import io.sinter.connector.dxf.internal.reader.DxfVisitor;
import io.sinter.connector.dxf.internal.reader.DxfWarning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * One file's extraction: receives the drawing from the reader and streams an element per model-space entity to the
 * context. Holds the tables and block definitions (which the reader hands out before the entities), never the
 * model-space entities themselves.
 *
 * <p>With paper space wanted ({@link Spaces#paper()}), paper-space entities are held until the end of the file,
 * because the names of their layouts stand in the LAYOUT objects of the OBJECTS section, after the entities; they
 * then become elements with the attributes {@code space} and {@code layout}. Paper space holds title blocks and
 * viewports, a small part of a drawing. The active layout's entities are in the ENTITIES section (group 67 = 1 or
 * owned by {@code *Paper_Space}), the other layouts' in their blocks {@code *Paper_Space0}, {@code *Paper_Space1}, ...
 */
final class DxfExtraction implements DxfVisitor<ConnectorException> {
    /** Entities between two cancellation checks and progress reports. */
    static final int CHECK_INTERVAL = 1000;
    /** Issues of one category reported one by one; the rest are counted in one summary issue. */
    static final int ISSUES_PER_CATEGORY = 100;
    /** The block of the active layout, also for R12 entities with group 67 = 1 and no owner. */
    private static final String ACTIVE_PAPER_SPACE = "*Paper_Space";

    private final ConnectorContext context;
    private final DrawingUnit unitlessUnit;
    private final String unitlessSetting;
    private final LongSupplier bytesRead;
    private final long fileSize;
    private final Spaces spaces;
    /** Paper-space entities held until the layout names are known, with the name of the block that owns them. */
    private final List<Map.Entry<String, DxfRecord>> paperEntities = new ArrayList<>();
    /** Paper-space block record handle (upper case) → block name. */
    private final Map<String, String> paperSpaceOwners = new HashMap<>();
    /** LAYOUT object handle (upper case) → layout name. */
    private final Map<String, String> layoutNames = new HashMap<>();
    private final Map<String, DxfBlock> blocks = new HashMap<>();
    private final Set<String> declaredClasses = new HashSet<>();
    private final Map<String, Integer> issueCounts = new HashMap<>();
    private final Map<String, Integer> withoutGeometry = new TreeMap<>();
    private DxfTables tables;
    private double metresPerUnit = 1;
    private EntityMapper mapper;
    private long entities;
    private long paperSpace;
    private long modelSpace;

    /**
     * @param unitlessUnit    the unit of a drawing without {@code $INSUNITS}
     * @param unitlessSetting the setting's text if it was given but not understood, else null
     * @param spaces          the spaces that become elements
     * @param bytesRead       how far the reader got, for progress
     * @param fileSize        the file's length, or -1
     */
    DxfExtraction(ConnectorContext context, DrawingUnit unitlessUnit, String unitlessSetting, Spaces spaces,
            LongSupplier bytesRead, long fileSize) {
        this.context = context;
        this.unitlessUnit = unitlessUnit;
        this.unitlessSetting = unitlessSetting;
        this.bytesRead = bytesRead;
        this.fileSize = fileSize;
        this.spaces = spaces;
    }

    @Override
    public void header(DxfHeader header) {
        int code = header.insUnits();
        Optional<DrawingUnit> unit = DrawingUnit.ofCode(code);
        if (unitlessSetting != null) {
            issue(Issue.warning("Units", "The setting unitlessUnit='" + unitlessSetting
                    + "' names no length unit; " + unitlessUnit.name() + " are used.", null));
        }
        if (spaces.invalid() != null) {
            issue(Issue.warning("Settings", "The setting spaces='" + spaces.invalid() + "' is not understood (use model,"
                    + " paper, model,paper or all); model space is synchronized.", null));
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
            if (isPaperSpaceBlock(record.name())) {
                record.record().handle().ifPresent(h -> paperSpaceOwners.put(h.toUpperCase(Locale.ROOT),
                        record.name()));
            }
        }
        mapper = null;
    }

    @Override
    public void block(DxfBlock block) {
        blocks.putIfAbsent(block.name().toUpperCase(Locale.ROOT), block);
        if (isPaperSpaceBlock(block.name())) {
            for (DxfRecord entity : block.entities()) {
                paperSpace(block.name(), entity);
            }
        }
    }

    @Override
    public void object(DxfRecord object) {
        if (spaces.paper() && object.type().equals("LAYOUT")) {
            object.handle().ifPresent(handle -> layoutName(object).ifPresent(name -> layoutNames.put(
                    handle.trim().toUpperCase(Locale.ROOT), name)));
        }
    }

    @Override
    public void entity(DxfRecord entity) throws ConnectorException {
        if (++entities % CHECK_INTERVAL == 0) {
            context.checkCancelled();
            context.progress(bytesRead.getAsLong(), fileSize);
        }
        String paperBlock = paperSpaceBlock(entity);
        if (paperBlock != null) {
            paperSpace(paperBlock, entity);
        } else if (spaces.model()) {
            emit(entity, null);
        } else {
            modelSpace++;
        }
    }

    private void paperSpace(String blockName, DxfRecord entity) {
        if (spaces.paper()) {
            paperEntities.add(Map.entry(blockName, entity));
        } else {
            paperSpace++;
        }
    }

    /** Maps one entity and hands it to the context; {@code layout} is null for model space. */
    private void emit(DxfRecord entity, String layout) throws ConnectorException {
        EntityMapper.Mapped mapped = mapper().map(entity, layout);
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
    void finish(DxfDrawing drawing) throws ConnectorException {
        for (Map.Entry<String, DxfRecord> held : paperEntities) {
            if (++entities % CHECK_INTERVAL == 0) {
                context.checkCancelled();
            }
            emit(held.getValue(), layout(held.getKey()));
        }
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
                    + " skipped; only model space is synchronized (connector setting spaces)."));
        }
        if (modelSpace > 0) {
            issue(Issue.info("PaperSpace", modelSpace + " model-space entit" + (modelSpace == 1 ? "y was" : "ies were")
                    + " skipped; only paper space is synchronized (connector setting spaces)."));
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

    /** @return the name of the paper-space block that owns the entity, or null for model space */
    private String paperSpaceBlock(DxfRecord entity) {
        String owner = entity.owner().map(o -> paperSpaceOwners.get(o.trim().toUpperCase(Locale.ROOT))).orElse(null);
        if (owner != null) {
            return owner;
        }
        return entity.integer(67, 0) == 1 ? ACTIVE_PAPER_SPACE : null;
    }

    private static boolean isPaperSpaceBlock(String name) {
        return name.toUpperCase(Locale.ROOT).startsWith("*PAPER_SPACE");
    }

    /** @return the name of the layout of a paper-space block, or the block name when no LAYOUT object names it */
    private String layout(String blockName) {
        return tables == null ? blockName : tables.blockRecord(blockName)
                .flatMap(record -> record.layoutHandle())
                .map(handle -> layoutNames.get(handle.toUpperCase(Locale.ROOT)))
                .orElse(blockName);
    }

    /** @return the layout name: group 1 of the AcDbLayout subclass (the one of AcDbPlotSettings names a page setup) */
    private static Optional<String> layoutName(DxfRecord layout) {
        boolean inLayout = false;
        for (DxfPair pair : layout.pairs()) {
            if (pair.code() == 100) {
                inLayout = pair.stringValue().trim().equals("AcDbLayout");
            } else if (inLayout && pair.code() == 1) {
                String name = pair.stringValue().trim();
                return name.isEmpty() ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
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
