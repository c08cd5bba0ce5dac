package io.sinter.connector.ifc.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A {@link ConnectorContext} for tests: records everything a connector reports. */
public final class RecordingContext implements ConnectorContext {
    /** Elements in the order they arrived. */
    public final List<Element> elements = new ArrayList<>();
    /** Issues in the order they arrived. */
    public final List<Issue> issues = new ArrayList<>();
    /** Declared classes in the order they arrived. */
    public final List<ClassDefinition> classes = new ArrayList<>();
    /** {@code units} calls as {@code name=metresPerUnit}. */
    public final List<String> units = new ArrayList<>();
    /** {@code geolocation} calls. */
    public final List<Geolocation> geolocations = new ArrayList<>();
    /** {@code progress} calls as {@code {done, total}}. */
    public final List<long[]> progress = new ArrayList<>();
    /** When >= 0: the run counts as cancelled once this many elements arrived. */
    public int cancelAfterElements = -1;

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
        return cancelAfterElements >= 0 && elements.size() >= cancelAfterElements;
    }

    /** @return the element with {@code identifier}; fails when there is none or more than one */
    public Element element(String identifier) {
        List<Element> found = elements.stream().filter(e -> e.identifier().equals(identifier)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " elements with identifier " + identifier);
        }
        return found.get(0);
    }

    /** @return the elements of class {@code IFC:<className>} */
    public List<Element> ofClass(String className) {
        return elements.stream().filter(e -> e.classFullName().equals("IFC:" + className)).toList();
    }

    /** @return the number of elements per class name, sorted */
    public Map<String, Long> countsByClass() {
        return elements.stream().collect(Collectors.groupingBy(Element::classFullName, TreeMap::new, Collectors.counting()));
    }

    /** @return the issues of {@code category} */
    public List<Issue> issues(String category) {
        return issues.stream().filter(i -> i.category().equals(category)).toList();
    }

    @Override
    public String toString() {
        return elements.size() + " elements; issues: "
                + issues.stream().map(i -> i.level() + " " + i.category() + ": " + i.message()).collect(Collectors.joining("\n  "));
    }
}
