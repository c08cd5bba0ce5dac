package io.sinter.connector.csv.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link ConnectorContext} for tests: records everything a connector reports. */
final class RecordingContext implements ConnectorContext {
    /** Elements in the order they arrived. */
    final List<Element> elements = new ArrayList<>();
    /** Issues in the order they arrived. */
    final List<Issue> issues = new ArrayList<>();
    /** Declared classes in the order they arrived. */
    final List<ClassDefinition> classes = new ArrayList<>();
    /** {@code units} calls as {@code name=metresPerUnit}. */
    final List<String> units = new ArrayList<>();
    /** {@code progress} calls as {@code {done, total}}. */
    final List<long[]> progress = new ArrayList<>();
    /** {@code geolocation} calls. */
    final List<Geolocation> geolocations = new ArrayList<>();
    /** Number of {@code cancelled()} calls. */
    int cancelChecks;
    /** When >= 0: the run counts as cancelled once this many elements arrived. */
    int cancelAfterElements = -1;
    /** {@code unchanged} offers in the order they arrived. */
    final List<Offer> offers = new ArrayList<>();
    /** Identifier to digest of the rows to keep when offered (a stored state as the engine would compare it). */
    final java.util.Map<String, Offer> keep = new java.util.HashMap<>();

    /** One {@code unchanged} call. */
    record Offer(String kind, String identifier, long high, long low, io.sinter.connector.api.Placement placement) {
        boolean sameDigest(Offer other) {
            return other != null && high == other.high && low == other.low && kind.equals(other.kind);
        }
    }

    /** Whether the context says it keeps record digests (the engine's does). */
    boolean keepsRecords = true;

    @Override
    public boolean keepsRecords() {
        return keepsRecords;
    }

    @Override
    public boolean unchanged(String kind, String identifier, long digestHigh, long digestLow, io.sinter.connector.api.Placement placement) {
        Offer offer = new Offer(kind, identifier, digestHigh, digestLow, placement);
        offers.add(offer);
        return offer.sameDigest(keep.get(identifier));
    }

    /** @return the offers by identifier */
    java.util.Map<String, Offer> offersByIdentifier() {
        java.util.Map<String, Offer> byIdentifier = new java.util.LinkedHashMap<>();
        offers.forEach(o -> byIdentifier.put(o.identifier(), o));
        return byIdentifier;
    }

    @Override
    public void element(Element element) throws ConnectorException {
        elements.add(element);
    }

    @Override
    public void declareClass(ClassDefinition definition) {
        classes.add(definition);
    }

    @Override
    public void units(String unitName, double metresPerUnit) {
        units.add(unitName + "=" + metresPerUnit);
    }

    @Override
    public void geolocation(Geolocation geolocation) {
        geolocations.add(geolocation);
    }

    @Override
    public void issue(Issue issue) {
        issues.add(issue);
    }

    @Override
    public void progress(long done, long total) {
        progress.add(new long[] {done, total});
    }

    @Override
    public boolean cancelled() {
        cancelChecks++;
        return cancelAfterElements >= 0 && elements.size() >= cancelAfterElements;
    }

    /** @return the element with {@code identifier}; fails when there is none or more than one */
    Element element(String identifier) {
        List<Element> found = elements.stream().filter(e -> e.identifier().equals(identifier)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " elements with identifier " + identifier + " in " + identifiers());
        }
        return found.get(0);
    }

    /** @return the identifiers in arrival order */
    List<String> identifiers() {
        return elements.stream().map(Element::identifier).toList();
    }

    /** @return the issues of {@code category} */
    List<Issue> issues(String category) {
        return issues.stream().filter(i -> i.category().equals(category)).toList();
    }

    /** @return the declared class names in arrival order */
    List<String> classNames() {
        return classes.stream().map(ClassDefinition::fullName).toList();
    }

    @Override
    public String toString() {
        return elements.size() + " elements; issues: "
                + issues.stream().map(i -> i.level() + " " + i.category() + ": " + i.message()).collect(Collectors.joining("\n  "));
    }
}
