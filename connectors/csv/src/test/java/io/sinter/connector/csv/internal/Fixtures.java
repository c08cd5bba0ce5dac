package io.sinter.connector.csv.internal;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Builds {@link SourceFile}s over test resources and other files, and runs the connector on them. */
final class Fixtures {
    private Fixtures() {
    }

    /** @return a source file over {@code src/test/resources/csv/<name>} */
    static SourceFile resource(String name, Map<String, String> settings) {
        URL url = Fixtures.class.getResource("/csv/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource csv/" + name);
        }
        try {
            return file(Paths.get(url.toURI()), settings);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a source file over {@code path} */
    static SourceFile file(Path path, Map<String, String> settings) {
        try {
            return new SourceFile("sf-1", path.getFileName().toString(), "CSV", path, Files.size(path),
                    "sha256:0", List.of(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the connector on {@code file} and returns what it reported. */
    static RecordingContext extract(SourceFile file) throws ConnectorException {
        RecordingContext context = new RecordingContext();
        new CsvConnector().extract(file, context);
        return context;
    }

    /** Runs the connector on test resource {@code name}. */
    static RecordingContext extract(String name, Map<String, String> settings) throws ConnectorException {
        return extract(resource(name, settings));
    }

    /** Runs the connector on test resource {@code name} without settings. */
    static RecordingContext extract(String name) throws ConnectorException {
        return extract(name, Map.of());
    }
}
