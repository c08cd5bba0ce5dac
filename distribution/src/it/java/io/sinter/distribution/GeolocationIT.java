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

    /**
     * api.md 6.8: a later file in the frame's CRS at another origin is shifted by the origin difference, and one
     * with another map rotation is turned, instead of failing. The frame comes from georeferenced-4.ifc (EPSG:25832,
     * origin (500000, 5700000, 100), x axis 30° from grid east); its proxy sits at (1, 0, 0) m in file coordinates.
     */
    @Test
    public void laterFilesInTheSameCrsAreMovedIntoTheFrame() throws Exception {
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-ifc.jar", "IFC");
        String[] ids = c.iModel("Shifted");
        String im = ids[1];
        String root = fixture("georeferenced-4.ifc");
        String frameConversion = "#27=IFCMAPCONVERSION(#20,#25,500000.,5700000.,100.,0.866025403784439,0.5,0.001);";
        assertTrue(root.contains(frameConversion));
        // 100 m east, 50 m north and 2 m higher, same rotation
        String moved = root.replace(frameConversion, "#27=IFCMAPCONVERSION(#20,#25,500100.,5700050.,102.,0.866025403784439,0.5,0.001);");
        // same origin, x axis along grid east
        String turned = root.replace(frameConversion, "#27=IFCMAPCONVERSION(#20,#25,500000.,5700000.,100.,1.,0.,0.001);");
        String rootId = c.upload(ids[2], "root.ifc", root);
        String movedId = c.upload(ids[2], "moved.ifc", moved);
        String turnedId = c.upload(ids[2], "turned.ifc", turned);
        String connection = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im + "\",\"sourceFiles\":["
                + "{\"storageFileId\":\"" + rootId + "\",\"connectorType\":\"IFC\",\"isSpatialRoot\":true},"
                + "{\"storageFileId\":\"" + movedId + "\",\"connectorType\":\"IFC\"},"
                + "{\"storageFileId\":\"" + turnedId + "\",\"connectorType\":\"IFC\"}]}").path("connection").path("id").asText();
        Http.Answer started = Http.send(c.port(), "POST", "/synchronization/imodels/storageconnections/" + connection + "/run", null);
        JsonNode run = c.awaitRun(started.header("Location"), Duration.ofSeconds(60));
        assertEquals(run.toString(), "Success", run.path("result").asText());

        JsonNode elements = c.call(200, "GET", "/imodels/" + im + "/elements?className=IFC:IfcBuildingElementProxy", null,
                "Prefer", "return=representation").path("elements");
        // one proxy per file; the files' models were created in task order: root, moved, turned
        java.util.List<JsonNode> proxies = new java.util.ArrayList<>();
        elements.forEach(proxies::add);
        proxies.sort(java.util.Comparator.comparingLong(e -> Long.decode(e.path("modelId").asText())));
        assertEquals(elements.toString(), 3, proxies.size());
        java.util.Map<String, JsonNode> byFile = java.util.Map.of("root", proxies.get(0), "moved", proxies.get(1), "turned", proxies.get(2));
        assertOrigin(byFile.get("root"), 1, 0, 0);
        // Rz(-30°) (100, 50) = (111.6025, -6.6987), plus 2 m up
        double c30 = Math.cos(Math.toRadians(30));
        assertOrigin(byFile.get("moved"), 1 + 100 * c30 + 50 * 0.5, -100 * 0.5 + 50 * c30, 2);
        // the turned file's x axis is grid east, the frame's is 30° from it: (1, 0) lands at Rz(-30°) (1, 0)
        assertOrigin(byFile.get("turned"), c30, -0.5, 0);
        JsonNode rotation = byFile.get("turned").path("placement").path("rotation");
        assertEquals(rotation.toString(), c30, rotation.path(0).path(0).asDouble(), 1e-6);
        assertEquals(rotation.toString(), 0.5, rotation.path(0).path(1).asDouble(), 1e-6);
        assertEquals(rotation.toString(), -0.5, rotation.path(1).path(0).asDouble(), 1e-6);

        JsonNode geo = c.call(200, "GET", "/imodels/" + im + "/geolocation", null).path("geolocation");
        assertEquals(geo.toString(), "root.ifc", geo.path("spatialRoot").path("fileName").asText());
        assertEquals(500000.0, geo.path("globalOrigin").path(0).asDouble(), 1e-6);
        assertTrue("the frame's rotation is kept internally, not shown: " + geo, geo.path("rotation").isMissingNode());
        JsonNode extents = geo.path("projectExtents");
        assertTrue(extents.toString(), extents.path("high").path(0).asDouble() > 110);

        // a scale the frame does not have cannot be expressed by placements: GeoLocationFailed, nothing written
        String scaled = root.replace(frameConversion, "#27=IFCMAPCONVERSION(#20,#25,500000.,5700000.,100.,0.866025403784439,0.5,0.002);");
        String other = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im + "\",\"sourceFiles\":["
                + "{\"storageFileId\":\"" + c.upload(ids[2], "scaled.ifc", scaled) + "\",\"connectorType\":\"IFC\"}]}")
                .path("connection").path("id").asText();
        started = Http.send(c.port(), "POST", "/synchronization/imodels/storageconnections/" + other + "/run", null);
        JsonNode task = c.awaitRun(started.header("Location"), Duration.ofSeconds(60)).path("jobs").path(0).path("tasks").path(0);
        assertEquals(task.toString(), "GeoLocationFailed", task.path("error").path("descriptionKey").asText());
        assertTrue(task.toString(), task.path("error").path("message").asText().contains("scale"));
        assertEquals(3, c.call(200, "GET", "/imodels/" + im + "/changesets", null).path("changesets").size());
    }

    private static void assertOrigin(JsonNode element, double x, double y, double z) {
        JsonNode origin = element.path("placement").path("origin");
        assertEquals(element.toString(), x, origin.path(0).asDouble(), 1e-6);
        assertEquals(element.toString(), y, origin.path(1).asDouble(), 1e-6);
        assertEquals(element.toString(), z, origin.path(2).asDouble(), 1e-6);
    }
}
