package io.sinter.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code openapi.yaml} true: every route of the server is documented and every documented route
 * exists; a failure lists the routes on each side. {@link OpenApiRoutes#main} prints the same difference
 * without failing.
 */
class OpenApiRoutesTest {

    @Test
    void serverRoutesAndDocumentedRoutesAreTheSame() throws Exception {
        OpenApiRoutes.Diff diff = OpenApiRoutes.diff();
        assertTrue(diff.server().contains("GET health"), diff.server().toString());
        assertTrue(diff.documented().contains("GET openapi.yaml"), diff.documented().toString());
        assertTrue(diff.empty(), "openapi.yaml and the JAX-RS resources disagree.\n" + diff.report());
    }

    @Test
    void templatesAreNormalised() {
        assertEquals(List.of("synchronization/imodels/storageconnections/{}/run", "synchronization/imodels/storageconnections/{}/runs"),
                OpenApiRoutes.normalise("synchronization/imodels/{kind: storageconnections}/{connectionId}/{verb: run|runs}"));
        assertEquals(List.of("imodels/{}/changesets/{}"), OpenApiRoutes.normalise("/iModels/{iModelId}//changesets/{idOrIndex}/"));
        assertEquals(List.of("storage/blobs/{}"), OpenApiRoutes.normalise("storage/blobs/{blobId: [A-Za-z0-9_-]{43}}"));
        assertEquals(List.of("storage"), OpenApiRoutes.normalise("storage/"));
    }

    @Path("/root/")
    public static final class Root {
        @GET
        public String list() {
            return "";
        }

        @Path("{id}/child")
        public Child locator() {
            return new Child();
        }
    }

    public static final class Child {
        @POST
        public String create() {
            return "";
        }

        @GET
        @Path("{kind: a|b}")
        public String get() {
            return "";
        }
    }

    @Test
    void classLevelPathsAndSubResourceLocatorsAreFollowed() {
        assertEquals(Set.of("GET root", "POST root/{}/child", "GET root/{}/child/a", "GET root/{}/child/b"),
                OpenApiRoutes.serverRoutes(List.of(Root.class)));
    }

    @Test
    void documentedRoutesComeFromThePathItems() {
        String yaml = "openapi: 3.0.3\npaths:\n  /itwins/{iTwinId}:\n    parameters: []\n    get: {}\n    DELETE: {}\n  /health/:\n    get: {}\n";
        assertEquals(Set.of("GET itwins/{}", "DELETE itwins/{}", "GET health"), OpenApiRoutes.documentedRoutes(yaml));
    }
}
