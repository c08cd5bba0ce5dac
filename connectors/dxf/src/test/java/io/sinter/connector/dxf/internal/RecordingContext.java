package io.sinter.connector.dxf.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test support: a {@link ConnectorContext} that records everything, and helpers to run the connector. */
final class RecordingContext implements ConnectorContext {
    final List<Element> elements = new ArrayList<>();
    final List<ClassDefinition> classes = new ArrayList<>();
    final List<Issue> issues = new ArrayList<>();
    final List<long[]> progress = new ArrayList<>();
    final List<Geolocation> geolocations = new ArrayList<>();
    String unitName;
    double metresPerUnit = Double.NaN;
    /** Cancel once this many elements were received (-1: never). */
    long cancelAfter = -1;

    @Override
    public void element(Element element) throws ConnectorException {
        elements.add(element);
    }

    @Override
    public void declareClass(ClassDefinition definition) {
        classes.add(definition);
    }

    @Override
    public void units(String name, double metres) {
        unitName = name;
        metresPerUnit = metres;
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
        return cancelAfter >= 0 && elements.size() >= cancelAfter;
    }

    Element element(String identifier) {
        return elements.stream().filter(e -> e.identifier().equals(identifier)).findFirst()
                .orElseThrow(() -> new AssertionError("no element " + identifier + " in " + elements));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Element element) {
        return (Map<String, Object>) element.properties().get(EntityMapper.ATTRIBUTES);
    }

    /** @return what change detection compares of an element (everything but the identifier) */
    static List<Object> content(Element e) {
        return java.util.Arrays.asList(e.kind(), e.classFullName(), e.category(), e.parentIdentifier(), e.codeValue(),
                e.userLabel(), e.properties(), e.relationships(), e.placement(), e.geometry());
    }

    List<Issue> issues(String category) {
        return issues.stream().filter(i -> i.category().equals(category)).toList();
    }

    String issueText() {
        return issues.stream().map(i -> i.level() + " " + i.category() + ": " + i.message()).collect(Collectors.joining("\n"));
    }

    /** Runs the connector on a file. */
    static RecordingContext extract(Path file, Map<String, String> settings) throws ConnectorException {
        RecordingContext context = new RecordingContext();
        new DxfConnector().extract(sourceFile(file, settings), context);
        return context;
    }

    static SourceFile sourceFile(Path file, Map<String, String> settings) {
        try {
            return new SourceFile("sf-1", file.getFileName().toString(), "DXF", file, Files.size(file), "sha256:0",
                    List.of(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a test resource to {@code dir} and returns its path. */
    static Path resource(String name, Path dir) {
        try (InputStream in = RecordingContext.class.getResourceAsStream("/connector/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
