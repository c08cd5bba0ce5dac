package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The spatial frame (api.md sections 6.8, 7.8): the first file with a geolocation defines it in its
 * changeset (GlobalProperties bit), a file located elsewhere fails with GeoLocationFailed and writes
 * nothing, and the geolocation reads back as of each changeset. Uses the IFC connector's own fixtures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GeolocationIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("geolocation", port), port);
    }

    private static String fixture(String name) throws Exception {
        Path root = Path.of(System.getProperty("sinter.it.dist")).toAbsolutePath().getParent().getParent().getParent();
        return Files.readString(root.resolve("connectors/ifc/src/test/resources/ifc").resolve(name), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    public void firstGeolocatedFileDefinesTheFrame() throws Exception {
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-ifc.jar", "IFC");
        String[] ids = c.iModel("Geo");
        String im = ids[1];
        String georef = c.upload(ids[2], "georeferenced.ifc", fixture("georeferenced-4.ifc"));
        String house = c.upload(ids[2], "house.ifc", fixture("house-2x3.ifc"));
        assertEquals("none", c.call(200, "GET", "/imodels/" + im + "/geolocation", null).path("geolocation").path("kind").asText());
        String connection = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im + "\",\"sourceFiles\":["
                + "{\"storageFileId\":\"" + georef + "\",\"connectorType\":\"IFC\"},{\"storageFileId\":\"" + house + "\",\"connectorType\":\"IFC\"}]}")
                .path("connection").path("id").asText();
        Http.Answer started = Http.send(c.port(), "POST", "/synchronization/imodels/storageconnections/" + connection + "/run", null);
        JsonNode run = c.awaitRun(started.header("Location"), Duration.ofSeconds(60));
        assertEquals(run.toString(), "PartialSuccess", run.path("result").asText());
        JsonNode houseTask = run.path("jobs").path(0).path("tasks").path(1);
        assertEquals(houseTask.toString(), "GeoLocationFailed", houseTask.path("error").path("descriptionKey").asText());
        assertEquals("SNT_CON_2003", houseTask.path("error").path("errorCode").asText());

        JsonNode changeset = c.call(200, "GET", "/imodels/" + im + "/changesets/1", null).path("changeset");
        assertTrue(changeset.toString(), (changeset.path("containingChanges").asInt() & 32) != 0);
        assertEquals("the failed file wrote nothing", 1, c.call(200, "GET", "/imodels/" + im + "/changesets", null).path("changesets").size());

        JsonNode geo = c.call(200, "GET", "/imodels/" + im + "/geolocation", null).path("geolocation");
        assertEquals(geo.toString(), "projected", geo.path("kind").asText());
        assertEquals("EPSG:25832", geo.path("crs").path("horizontalCRSId").asText());
        assertEquals(500000.0, geo.path("globalOrigin").path(0).asDouble(), 1e-6);
        assertEquals(5700000.0, geo.path("globalOrigin").path(1).asDouble(), 1e-6);
        assertEquals("georeferenced.ifc", geo.path("spatialRoot").path("fileName").asText());
        assertEquals(false, geo.path("spatialRoot").path("designated").asBoolean());
        assertEquals(1, geo.path("changesetIndex").asInt());
        JsonNode before = c.call(200, "GET", "/imodels/" + im + "/geolocation?changesetIndex=0", null).path("geolocation");
        assertEquals("none", before.path("kind").asText());
        assertEquals("ChangesetNotFound", c.call(404, "GET", "/imodels/" + im + "/geolocation?changesetIndex=2", null).path("error").path("code").asText());
        assertEquals("InvalidiModelsRequest", c.call(422, "GET", "/imodels/" + im + "/geolocation?changesetIndex=x", null).path("error").path("code").asText());
        assertEquals("iModelNotFound", c.call(404, "GET", "/imodels/nope/geolocation", null).path("error").path("code").asText());
    }
}
