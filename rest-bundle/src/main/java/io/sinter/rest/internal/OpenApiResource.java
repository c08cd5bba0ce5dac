package io.sinter.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /openapi.yaml} (api.md section 7.9): no authentication; the hand-written OpenAPI 3.0.3
 * description of the contract, shipped in this bundle as {@value #DOCUMENT}, with its relative
 * {@code servers} entry replaced by the public base URL.
 */
@Component(service = OpenApiResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.openapi")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("openapi.yaml")
public final class OpenApiResource {
    /** The document's location inside the bundle. */
    static final String DOCUMENT = "/openapi.yaml";
    /** Media type of the answer. */
    static final String YAML = "application/yaml";
    /** The relative server entry of the shipped document, replaced by the public base URL. */
    static final String RELATIVE_SERVERS = "servers:\n  - url: /\n";

    private final HttpEndpoint endpoint;

    @Activate
    public OpenApiResource(@Reference HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @GET
    @Produces(YAML)
    public byte[] document() {
        return withServer(read(), endpoint.baseUrl()).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the shipped document as text */
    static String read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code yaml} whose relative {@code servers} entry names {@code baseUrl} instead (unchanged if there is none) */
    static String withServer(String yaml, String baseUrl) {
        String text = yaml.replace("\r\n", "\n");
        if (baseUrl == null || baseUrl.isBlank() || !text.contains(RELATIVE_SERVERS)) {
            return text;
        }
        String quoted = "'" + baseUrl.replace("'", "''") + "'";
        return text.replace(RELATIVE_SERVERS, "servers:\n  - url: " + quoted + "\n");
    }
}
