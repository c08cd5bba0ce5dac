package io.sinter.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class OpenApiResourceTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @Test
    void shippedDocumentIsOpenApi303WithRelativeServer() {
        String yaml = OpenApiResource.read();
        assertTrue(yaml.startsWith("openapi: 3.0.3\n"), yaml.substring(0, 40));
        assertTrue(yaml.contains(OpenApiResource.RELATIVE_SERVERS), "the servers entry the resource replaces is missing");
        Map<String, Object> document = parse(yaml);
        assertEquals("3.0.3", document.get("openapi"));
        assertEquals(List.of(Map.of("url", "/")), document.get("servers"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasResponsesAndEveryReferenceResolves() {
        String yaml = OpenApiResource.read();
        Map<String, Object> document = parse(yaml);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((key, operation) -> {
            if (OpenApiRoutes.OPENAPI_METHODS.contains(key)) {
                assertTrue(((Map<String, Object>) operation).containsKey("responses"), key + " " + path + " has no responses");
            }
        }));
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) document.get("components");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$ref: '#/components/(\\w+)/(\\w+)'").matcher(yaml);
        while (refs.find()) {
            Map<String, Object> section = components.get(refs.group(1));
            assertTrue(section != null && section.containsKey(refs.group(2)), "unresolved " + refs.group());
        }
    }

    @Test
    void serverEntryNamesThePublicBaseUrl() {
        String yaml = OpenApiResource.withServer("openapi: 3.0.3\r\nservers:\r\n  - url: /\r\npaths: {}\r\n", "https://sinter.example.com:8443");
        assertEquals("openapi: 3.0.3\nservers:\n  - url: 'https://sinter.example.com:8443'\npaths: {}\n", yaml);
        assertEquals(List.of(Map.of("url", "https://sinter.example.com:8443")), parse(yaml).get("servers"));
        assertEquals("servers:\n  - url: /\n", OpenApiResource.withServer("servers:\n  - url: /\n", null));
    }
}
