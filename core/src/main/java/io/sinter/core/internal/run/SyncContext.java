package io.sinter.core.internal.run;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Placement;
import io.sinter.core.internal.change.Diff;
import io.sinter.core.internal.change.ElementContent;
import io.sinter.core.internal.change.Fingerprint;
import io.sinter.core.internal.change.GeometryCodec;
import io.sinter.core.internal.change.Identifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a connector writes into during one bridge task: each element is made unique, checksummed,
 * classified against the stored state ({@link Diff}) and spilled to disk in file order.
 */
final class SyncContext implements ConnectorContext {
    static final int MAX_ISSUES = 1000;

    private final Diff diff;
    private final Spill spill;
    private final BooleanSupplier cancelled;
    /** Makes keys unique; on a re-run through the diff, which looks every key up anyway. */
    private final Identifiers identifiers;
    private final List<Issue> issues = new ArrayList<>();
    private final Map<String, ClassDefinition> classes = new LinkedHashMap<>();
    private int droppedIssues;
    private Geolocation geolocation;
    private final Extents extents = new Extents();
    private long placed;
    /** Class to the property paths its elements carry (JSON pointers under /properties, "" for the class). */
    private final Map<String, java.util.Set<String>> schema = new java.util.HashMap<>();
    private int schemaPaths;
    static final int MAX_SCHEMA_PATHS = 100_000;
    private String unitName;
    private double metresPerUnit = 1.0;
    private volatile long done;
    private volatile long total = -1;

    /** Where new elements go when they are written as they come (a first sync), else null: they are spilled. */
    private final InsertStream inserts;
    private int observed;

    /** Whether the stored record digests came from this connector type and version (so an equal digest means an equal element). */
    private final boolean recordsComparable;
    /** The record digests of this task's elements by ordinal, for the next state file. */
    private final RecordDigests digests = new RecordDigests();
    /** The last record offered to {@link #unchanged} and not kept: its element should be the next one handed over. */
    private String offeredKind;
    private String offeredIdentifier;
    private long offeredHigh;
    private long offeredLow;
    private int kept;

    /** What moves the file's coordinates into the spatial frame, or null when they are in it. */
    private FrameTransform transform;
    /** The transform for a geolocation reported before the first element, or null when it is given or not known yet. */
    private final java.util.function.Function<Geolocation, FrameTransform> early;

    /**
     * @param transform what moves the file's coordinates into the spatial frame, or null
     * @param early when {@code transform} is null: the transform for the file's geolocation, applied when the connector
     *        reports it before its first element (so a file in the frame's CRS at another origin is read once), or null
     */
    SyncContext(Diff diff, Spill spill, InsertStream inserts, FrameTransform transform,
            java.util.function.Function<Geolocation, FrameTransform> early, BooleanSupplier cancelled) {
        this(diff, spill, inserts, transform, early, cancelled, false);
    }

    /**
     * @param recordsComparable whether the record digests stored with {@code diff} came from the connector type and version
     *        of this task, so that records offered to {@link #unchanged} may be kept
     */
    SyncContext(Diff diff, Spill spill, InsertStream inserts, FrameTransform transform,
            java.util.function.Function<Geolocation, FrameTransform> early, BooleanSupplier cancelled, boolean recordsComparable) {
        this.recordsComparable = recordsComparable;
        this.diff = diff;
        this.spill = spill;
        this.inserts = inserts;
        // every identifier handed out below is fed to the diff before the next element (observedUnchanged or observed)
        this.identifiers = inserts == null && diff.storedCount() > 0 ? new Identifiers(diff::observedKey) : new Identifiers();
        this.transform = transform;
        this.early = early;
        this.cancelled = cancelled;
    }

    /** @return the transform the elements went through, or null */
    FrameTransform transform() {
        return transform;
    }

    /** Digests are kept for elements that are not moved into the frame (see {@link #unchanged}). */
    @Override
    public boolean keepsRecords() {
        return transform == null;
    }

    @Override
    public boolean unchanged(String kind, String identifier, long digestHigh, long digestLow, Placement placement) throws ConnectorException {
        // elements moved into the frame keep no digest: the record alone does not say where they went
        if (recordsComparable && inserts == null && transform == null) {
            int ordinal = diff.observedRecord(kind, identifier, digestHigh, digestLow);
            if (ordinal >= 0) {
                count();
                place(placement);
                digests.put(ordinal, digestHigh, digestLow);
                spill(ordinal);
                offeredIdentifier = null;
                kept++;
                return true;
            }
        }
        offeredKind = kind;
        offeredIdentifier = identifier;
        offeredHigh = digestHigh;
        offeredLow = digestLow;
        return false;
    }

    @Override
    public void element(Element given) throws ConnectorException {
        count();
        boolean offered = offeredIdentifier != null && transform == null && offeredIdentifier.equals(given.identifier())
                && offeredKind.equals(given.kind());
        offeredIdentifier = null;
        Element element = transform == null ? given : transform.apply(given);
        String identifier = identifiers.unique(element.kind(), element.identifier());
        // a renamed repeat keeps no digest: its record names the identifier it repeats
        offered &= identifier.equals(element.identifier());
        if (!identifier.equals(element.identifier())) {
            issue(Issue.warning("DuplicateIdentifier", element.kind() + " '" + element.identifier() + "' occurs again; this one is '"
                    + identifier + "'.", identifier));
        }
        place(element.placement());
        // an unchanged element adds no class or property path: a changeset recorded them when its content was written
        Fingerprint fingerprint = Fingerprint.of(element);
        if (inserts == null && fingerprint != null) {
            int ordinal = diff.observedUnchanged(element.kind(), identifier, element.classFullName(), fingerprint);
            if (ordinal >= 0) {
                // unchanged as given: no canonical form, no checksum, and an empty record keeps the spill's ordinals in step
                spill(ordinal);
                digest(offered, ordinal);
                return;
            }
        }
        ElementContent.Prepared content = ElementContent.prepare(element);
        if (inserts != null) {
            schema(element);
            String checksum = content.checksum();
            // nothing stored yet (a first sync): every element is new and goes to the database now, in file order;
            // the diff has nothing to compare, and identifiers are already unique
            inserts.add(new InsertStream.Pending(element.kind(), identifier, element.classFullName(), element.category(),
                    element.federationGuid(), checksum, content.contentChecksum(), content.contentJsonWith("version", element.version()),
                    element.placement() != null, GeometryCodec.encode(element.geometry()), fingerprint,
                    offered ? new long[] {offeredHigh, offeredLow} : null));
            return;
        }
        int ordinal = diff.observedUnchanged(element.kind(), identifier, element.classFullName(), content.checksumDigest());
        if (ordinal >= 0) {
            spill(ordinal);
            digest(offered, ordinal);
            return;
        }
        schema(element);
        String checksum = content.checksum();
        String contentChecksum = content.contentChecksum();
        ordinal = diff.observed(element.kind(), identifier, element.classFullName(), checksum, contentChecksum);
        digest(offered, ordinal);
        try {
            // the stored body: the content map plus "version", without normalising and writing the content again
            spill.write(ordinal, element.kind(), identifier, element.classFullName(), element.category(), element.federationGuid(),
                    checksum, contentChecksum, content.contentJsonWith("version", element.version()),
                    element.placement() == null ? "0" : "1", GeometryCodec.encodeBase64(element.geometry()),
                    fingerprint == null ? null : fingerprint.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill the connector output", e);
        }
    }

    /** Counts one element of the file (built or kept), checking for cancellation every thousand. */
    private void count() throws ConnectorException {
        if (observed++ % 1000 == 0) {
            checkCancelled();
        }
    }

    /** Counts an element's placement and adds its box to the extents. */
    private void place(Placement placement) {
        if (placement != null) {
            placed++;
            if (placement.bbox() != null) {
                extents.add(placement.bbox());
            }
        }
    }

    private void digest(boolean offered, int ordinal) {
        if (offered) {
            digests.put(ordinal, offeredHigh, offeredLow);
        }
    }

    /** @return the record digests of the elements by ordinal */
    RecordDigests digests() {
        return digests;
    }

    /** @return how many elements were kept from their record digest without being built */
    int kept() {
        return kept;
    }

    /** Spills the empty record of an unchanged element: nothing of it is written or read again. */
    private void spill(int ordinal) {
        try {
            spill.write(ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill the connector output", e);
        }
    }

    @Override
    public void declareClass(ClassDefinition definition) {
        classes.putIfAbsent(definition.fullName(), definition);
    }

    @Override
    public void units(String unitName, double metresPerUnit) {
        this.unitName = unitName;
        this.metresPerUnit = metresPerUnit;
    }

    @Override
    public void geolocation(Geolocation geolocation) {
        this.geolocation = geolocation;
        if (observed == 0 && transform == null && early != null && geolocation != null) {
            transform = early.apply(geolocation);
        }
    }

    @Override
    public void issue(Issue issue) {
        if (issues.size() < MAX_ISSUES) {
            issues.add(issue);
        } else {
            droppedIssues++;
        }
    }

    @Override
    public void progress(long done, long total) {
        this.done = done;
        this.total = total;
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /** @return how many elements the connector handed over */
    int observed() {
        return observed;
    }

    List<Issue> issues() {
        return issues;
    }

    int droppedIssues() {
        return droppedIssues;
    }

    Geolocation geolocation() {
        return geolocation;
    }

    /** @return the union of the bounding boxes of the elements seen */
    Extents extents() {
        return extents;
    }

    /** @return class to property paths seen in this task's output */
    Map<String, java.util.Set<String>> schema() {
        return schema;
    }

    private void schema(Element element) {
        java.util.Set<String> paths = schema.get(element.classFullName());
        if (paths == null) {
            paths = new java.util.HashSet<>();
            paths.add("");
            schema.put(element.classFullName(), paths);
            schemaPaths++;
        }
        if (schemaPaths < MAX_SCHEMA_PATHS) {
            Map<String, Object> properties = element.properties();
            Map<String, Object> last = lastProperties.get(element.classFullName());
            // most elements of a class have the properties of the one before: the same paths, nothing to add
            if (last == null || !sameShape(last, properties)) {
                paths(paths, "/properties", properties);
                lastProperties.put(element.classFullName(), properties);
            }
        }
    }

    /** Class to the properties of the last of its elements whose paths were recorded. */
    private final Map<String, Map<String, Object>> lastProperties = new java.util.HashMap<>();

    /** @return whether both have the same keys at every level, with objects at the same places (so the same paths) */
    static boolean sameShape(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : b.entrySet()) {
            Object other = a.get(e.getKey());
            if (other == null && !a.containsKey(e.getKey())) {
                return false;
            }
            boolean object = e.getValue() instanceof Map<?, ?>;
            if (object != other instanceof Map<?, ?> || object && !sameShape((Map<?, ?>) other, (Map<?, ?>) e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void paths(java.util.Set<String> paths, String prefix, Map<String, Object> properties) {
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String path = prefix + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            if (e.getValue() instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) nested;
                paths(paths, path, map);
            } else if (paths.add(path)) {
                schemaPaths++;
            }
        }
    }

    /** @return how many elements had a placement */
    long placed() {
        return placed;
    }

    String unitName() {
        return unitName;
    }

    double metresPerUnit() {
        return metresPerUnit;
    }

    long progressDone() {
        return done;
    }

    long progressTotal() {
        return total;
    }
}
