package io.sinter.connector.ifc.internal;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: run the connector on a file, compare element content. */
final class Extractions {

    private Extractions() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Extractions.class.getResource("/ifc/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource ifc/" + name, e);
        }
    }

    static RecordingContext extract(Path path) throws ConnectorException {
        RecordingContext context = new RecordingContext();
        extract(path, context);
        return context;
    }

    static void extract(Path path, RecordingContext context) throws ConnectorException {
        try {
            SourceFile file = new SourceFile("sf-1", path.getFileName().toString(), "IFC", path, Files.size(path), "sha256:test", null, null);
            new IfcConnector().extract(file, context);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return everything of an element that change detection compares, as a comparable value */
    static List<Object> content(Element e) {
        return Arrays.asList(e.kind(), e.identifier(), e.classFullName(), e.category(), e.parentIdentifier(), e.codeValue(),
                e.userLabel(), e.federationGuid(), e.placement(), e.properties(), e.relationships(), e.geometry());
    }

    /** @return element content by identifier (identifiers repeated in the file get {@code ~2}, ...) */
    static Map<String, List<Object>> contentByIdentifier(RecordingContext context) {
        Map<String, List<Object>> byId = new TreeMap<>();
        for (Element element : context.elements) {
            String key = element.identifier();
            for (int n = 2; byId.containsKey(key); n++) {
                key = element.identifier() + "~" + n;
            }
            byId.put(key, content(element));
        }
        return byId;
    }
}
