package io.sinter.connector.dxf.internal;

import io.sinter.connector.api.Element;
import io.sinter.connector.api.Issue;
import io.sinter.connector.dxf.internal.geometry.Affine;
import io.sinter.connector.dxf.internal.geometry.EntityGeometry;
import io.sinter.connector.dxf.internal.geometry.Shapes;
import io.sinter.connector.dxf.internal.reader.DxfBlock;
import io.sinter.connector.dxf.internal.reader.DxfLayer;
import io.sinter.connector.dxf.internal.reader.DxfPair;
import io.sinter.connector.dxf.internal.reader.DxfRecord;
import io.sinter.connector.dxf.internal.reader.DxfTables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps one model-space entity to an {@link Element} (api.md sections 6.2 and 7.5): kind {@code Entity}, identifier
 * the upper-case handle, class {@code DXF:<TYPE>}, category the layer, properties under {@code Attributes} (and the
 * attribute values of an INSERT under {@code BlockAttributes}), placement and geometry in metres.
 *
 * <p>Only what describes the entity itself reaches the element: no owner handles, no anonymous block names (both are
 * renumbered when a drawing is re-saved) and nothing from the header except the unit, so header churn changes no
 * element.
 */
final class EntityMapper {
    static final String KIND = "Entity";
    static final String SCHEMA = "DXF";
    static final String ATTRIBUTES = "Attributes";
    static final String BLOCK_ATTRIBUTES = "BlockAttributes";

    private static final int BYBLOCK = 0;
    private static final int BYLAYER = 256;
    private static final int LINEWEIGHT_BYLAYER = -1;
    private static final int LINEWEIGHT_DEFAULT = -3;
    private static final int DEFAULT_LAYER_COLOR = 7;

    /**
     * One mapped entity.
     *
     * @param element            the element
     * @param syntheticIdentifier whether the entity had no handle and the identifier was derived from its content
     * @param geometryKnown      whether the entity type's geometry is read at all
     * @param issues             problems found with this entity
     */
    record Mapped(Element element, boolean syntheticIdentifier, boolean geometryKnown, List<Issue> issues) {
    }

    private final DxfTables tables;
    private final EntityGeometry geometry;
    private final Affine toWorld;
    private final double metresPerUnit;

    /**
     * @param tables        the drawing's tables
     * @param blocks        block definitions by name, case-insensitive
     * @param metresPerUnit the drawing unit in metres
     */
    EntityMapper(DxfTables tables, Function<String, Optional<DxfBlock>> blocks, double metresPerUnit) {
        this.tables = tables;
        this.geometry = new EntityGeometry(blocks);
        this.metresPerUnit = metresPerUnit;
        this.toWorld = Affine.scaling(metresPerUnit, metresPerUnit, metresPerUnit);
    }

    Mapped map(DxfRecord entity) {
        return map(entity, null);
    }

    /**
     * @param layout the name of the paper-space layout the entity belongs to, or null for model space; a paper-space
     *               entity gets the attributes {@code space = paper} and {@code layout}
     */
    Mapped map(DxfRecord entity, String layout) {
        String type = entity.type().trim().toUpperCase(Locale.ROOT);
        String handle = entity.handle().map(h -> h.trim().toUpperCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .orElse(null);
        boolean synthetic = handle == null;
        String identifier = synthetic ? syntheticIdentifier(type, entity) : handle;
        List<Issue> issues = new ArrayList<>();
        Element.Builder builder = Element.builder(KIND, identifier, SCHEMA + ":" + type).category(layerName(entity));
        attributes(entity, type, builder);
        if (layout != null) {
            attribute(builder, "space", "paper");
            attribute(builder, "layout", layout);
        }
        boolean known = EntityGeometry.SUPPORTED_TYPES.contains(type);
        if (EntityGeometry.ACIS_TYPES.contains(type)) {
            known = true;
            issues.add(Issue.warning("UnsupportedGeometry", type + " " + identifier
                    + " holds ACIS solid data, which is not converted: the element has no geometry", identifier));
        } else {
            Shapes shapes = new Shapes();
            List<String> problems = new ArrayList<>();
            geometry.add(entity, toWorld, shapes, problem -> {
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            });
            if (shapes.nonFinitePoints() > 0) {
                problems.add(shapes.nonFinitePoints() + " point(s) with non-finite coordinates left out");
            }
            if (shapes.overBudget()) {
                problems.add("geometry exceeds " + Shapes.DEFAULT_VERTEX_BUDGET + " vertices and was cut off");
            }
            for (String problem : problems) {
                issues.add(Issue.warning("GeometryProblem", type + " " + identifier + ": " + problem, identifier));
            }
            builder.placement(shapes.placement()).geometry(shapes.geometry());
        }
        return new Mapped(builder.build(), synthetic, known, issues);
    }

    private static String layerName(DxfRecord entity) {
        String layer = entity.layer().trim();
        return layer.isEmpty() ? "0" : layer;
    }

    private void attributes(DxfRecord e, String type, Element.Builder b) {
        Optional<DxfLayer> layer = tables.layer(layerName(e));
        colour(e, layer, b);
        String lineType = e.string(6, "BYLAYER").trim();
        if (lineType.equalsIgnoreCase("BYLAYER")) {
            lineType = layer.map(DxfLayer::lineType).orElse("CONTINUOUS");
        }
        attribute(b, "linetype", lineType);
        double lineTypeScale = e.real(48, 1);
        if (lineTypeScale != 1) {
            attribute(b, "linetypeScale", lineTypeScale);
        }
        Optional<DxfPair> layerWeight = layer.flatMap(l -> l.record().first(370));
        Optional<DxfPair> weight = e.first(370);
        if (weight.isPresent() || layerWeight.isPresent()) {
            int value = weight.map(DxfPair::intValue).orElse(LINEWEIGHT_BYLAYER);
            if (value == LINEWEIGHT_BYLAYER) {
                value = layerWeight.map(DxfPair::intValue).orElse(LINEWEIGHT_DEFAULT);
            }
            attribute(b, "lineweight", (long) value);
        }
        double thickness = e.real(39, 0);
        if (thickness != 0) {
            attribute(b, "thickness", thickness * metresPerUnit);
        }
        if (e.integer(60, 0) == 1) {
            attribute(b, "visible", false);
        }
        switch (type) {
            case "TEXT", "ATTDEF", "ATTRIB" -> {
                attribute(b, "text", TextContent.controlCodes(e.string(1, "")));
                textStyle(e, b);
                nonZero(b, "rotation", e.real(50, 0));
                nonZero(b, "horizontalAlignment", e.integer(72, 0));
                nonZero(b, "verticalAlignment", e.integer(type.equals("TEXT") ? 73 : 74, 0));
                if (!type.equals("TEXT")) {
                    attribute(b, "tag", e.string(2, "").trim());
                }
            }
            case "MTEXT" -> {
                StringBuilder raw = new StringBuilder();
                e.all(3).forEach(pair -> raw.append(pair.stringValue()));
                raw.append(e.string(1, ""));
                attribute(b, "text", TextContent.mtext(raw.toString()));
                textStyle(e, b);
                nonZero(b, "rotation", e.first(11).isPresent()
                        ? Math.toDegrees(Math.atan2(e.real(21, 0), e.real(11, 1))) : e.real(50, 0));
                nonZero(b, "attachment", e.integer(71, 0));
            }
            case "INSERT" -> {
                String name = e.string(2, "").trim();
                if (!name.startsWith("*")) {
                    attribute(b, "blockName", name);
                }
                blockAttributes(e, b);
            }
            case "DIMENSION", "ARC_DIMENSION", "LARGE_RADIAL_DIMENSION" -> {
                String text = e.string(1, "");
                if (!text.isBlank() && !text.equals("<>")) {
                    attribute(b, "text", TextContent.mtext(text));
                }
                e.first(42).ifPresent(pair -> attribute(b, "measurement", pair.doubleValue()));
                e.first(3).ifPresent(pair -> attribute(b, "dimensionStyle", pair.stringValue().trim()));
            }
            case "MULTILEADER", "MLEADER" -> {
                for (DxfPair pair : e.all(304)) {
                    if (!pair.stringValue().startsWith("LEADER_LINE{")) {
                        attribute(b, "text", TextContent.mtext(pair.stringValue()));
                        break;
                    }
                }
            }
            case "HATCH" -> {
                attribute(b, "pattern", e.string(2, "").trim());
                attribute(b, "solidFill", e.integer(70, 0) == 1);
            }
            case "RAY", "XLINE" -> e.point(11).ifPresent(d -> attribute(b, "direction", List.of(d.x(), d.y(), d.z())));
            default -> {
            }
        }
    }

    /** Colour: BYLAYER (256) resolves to the layer's colour and true colour; BYBLOCK (0) stays 0. */
    private static void colour(DxfRecord e, Optional<DxfLayer> layer, Element.Builder b) {
        int aci = Math.abs(e.integer(62, BYLAYER));
        Optional<String> trueColor = e.first(420).map(pair -> hexColour(pair.intValue()));
        String source;
        int color;
        if (aci == BYLAYER) {
            source = "BYLAYER";
            color = layer.map(DxfLayer::color).orElse(DEFAULT_LAYER_COLOR);
            if (trueColor.isEmpty()) {
                trueColor = layer.flatMap(l -> l.trueColor().isPresent()
                        ? Optional.of(hexColour(l.trueColor().getAsInt())) : Optional.empty());
            }
        } else if (aci == BYBLOCK) {
            source = "BYBLOCK";
            color = BYBLOCK;
        } else {
            source = "ENTITY";
            color = aci;
        }
        attribute(b, "color", (long) color);
        attribute(b, "colorSource", source);
        trueColor.ifPresent(hex -> attribute(b, "trueColor", hex));
        e.first(430).ifPresent(pair -> attribute(b, "colorName", pair.stringValue()));
    }

    private void textStyle(DxfRecord e, Element.Builder b) {
        attribute(b, "textStyle", e.string(7, "STANDARD").trim());
        e.first(40).ifPresent(pair -> attribute(b, "textHeight", pair.doubleValue() * metresPerUnit));
    }

    /** ATTRIB children of an INSERT as tag → value; a repeated tag gets {@code ~2}, {@code ~3}, ... */
    private static void blockAttributes(DxfRecord insert, Element.Builder b) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (DxfRecord attrib : insert.children()) {
            if (!attrib.type().equalsIgnoreCase("ATTRIB")) {
                continue;
            }
            String tag = attrib.string(2, "").trim();
            if (tag.isEmpty()) {
                tag = "(untagged)";
            }
            int count = seen.merge(tag, 1, Integer::sum);
            String key = count == 1 ? tag : tag + "~" + count;
            b.property(BLOCK_ATTRIBUTES, key, TextContent.controlCodes(attrib.string(1, "")));
        }
    }

    /** Rotation in degrees, alignment codes: only when not the default 0. */
    private static void nonZero(Element.Builder b, String name, double value) {
        if (value != 0) {
            attribute(b, name, value);
        }
    }

    private static void nonZero(Element.Builder b, String name, int value) {
        if (value != 0) {
            attribute(b, name, (long) value);
        }
    }

    private static void attribute(Element.Builder b, String name, Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return;
        }
        if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Double d && !Double.isFinite(d))) {
            return;
        }
        b.property(ATTRIBUTES, name, value);
    }

    private static String hexColour(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFF_FFFF);
    }

    /**
     * An identifier for an entity without handle, derived from its content: {@code <TYPE>:<16 hex digits of the
     * SHA-256 of its pairs>} (owner references and application groups left out). Equal entities get equal
     * identifiers, which core then makes unique with {@code ~2}, {@code ~3}, ...; the colon keeps them apart from
     * any real handle.
     */
    static String syntheticIdentifier(String type, DxfRecord entity) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        digest.update(type.getBytes(StandardCharsets.UTF_8));
        digestPairs(digest, entity);
        for (DxfRecord child : entity.children()) {
            digest.update(("\n0=" + child.type()).getBytes(StandardCharsets.UTF_8));
            digestPairs(digest, child);
        }
        return type + ":" + HexFormat.of().withUpperCase().formatHex(digest.digest(), 0, 8);
    }

    private static void digestPairs(MessageDigest digest, DxfRecord record) {
        int appGroupDepth = 0;
        for (DxfPair pair : record.pairs()) {
            int code = pair.code();
            if (code == 102) {
                String value = pair.stringValue();
                appGroupDepth += value.startsWith("{") ? 1 : value.startsWith("}") && appGroupDepth > 0 ? -1 : 0;
                continue;
            }
            if (appGroupDepth > 0 || code == 5 || code == 330 || code == 360) {
                continue;
            }
            digest.update(("\n" + code + "=" + pair.text()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
