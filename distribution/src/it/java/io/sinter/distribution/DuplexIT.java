package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.inject.Inject;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Issue 4's aggregation test: the real Duplex model (IFC) and the Duplex component list (CSV) synced
 * into one iModel through the REST API, with the IFC walls' geometry read back as GLB. Uses
 * ../shared/data; skipped with a message when a clone has no ../shared.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DuplexIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("duplex", port), port);
    }

    private static Path shared() {
        Path root = Path.of(System.getProperty("sinter.it.dist")).toAbsolutePath().getParent().getParent().getParent();
        return root.resolveSibling("shared").resolve("data");
    }

    @Test
    public void duplexModelAndComponentListInOneIModel() throws Exception {
        Path ifc = shared().resolve("ifc/models/duplex.ifc");
        Path csv = shared().resolve("other/spreadsheet/2012-03-23-Duplex-Design.Component.DERIVED.csv");
        Assume.assumeTrue("skipped: " + ifc + " and " + csv + " are not here (no ../shared next to this clone)",
                Files.isRegularFile(ifc) && Files.isRegularFile(csv));
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-ifc.jar", "IFC");
        c.installConnector("connector-csv.jar", "CSV");
        String[] ids = c.iModel("Duplex");
        String ifcFile = c.upload(ids[2], "duplex.ifc", Files.readString(ifc, StandardCharsets.ISO_8859_1));
        String csvFile = c.upload(ids[2], "components.csv", Files.readString(csv, StandardCharsets.UTF_8));
        String connection = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + ids[1] + "\",\"sourceFiles\":["
                + "{\"storageFileId\":\"" + ifcFile + "\",\"connectorType\":\"IFC\"},{\"storageFileId\":\"" + csvFile + "\",\"connectorType\":\"CSV\"}]}")
                .path("connection").path("id").asText();
        Http.Answer started = Http.send(c.port(), "POST", "/synchronization/imodels/storageconnections/" + connection + "/run", null);
        JsonNode run = c.awaitRun(started.header("Location"), Duration.ofSeconds(180));
        assertEquals(run.toString(), "Success", run.path("result").asText());

        long ifcProducts = Files.readAllLines(ifc, StandardCharsets.ISO_8859_1).stream().filter(l -> l.matches("#\\d+\\s*=\\s*IFCWALLSTANDARDCASE\\(.*")).count();
        long csvRows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).count();
        JsonNode ifcTask = run.path("jobs").path(0).path("tasks").path(0);
        JsonNode csvTask = run.path("jobs").path(1).path("tasks").path(0);
        assertTrue(ifcTask.toString(), ifcTask.path("details").path("elementCounts").path("inserted").asInt() > 250);
        assertTrue(csvTask.toString(), Math.abs(csvTask.path("details").path("elementCounts").path("inserted").asInt() - csvRows) <= csvRows / 20);

        String base = "/imodels/" + ids[1];
        JsonNode walls = c.call(200, "GET", base + "/elements?className=IFC:IfcWallStandardCase&$top=1000", null).path("elements");
        assertEquals("one element per IfcWallStandardCase line of the file", ifcProducts, walls.size());
        JsonNode schema = c.call(200, "GET", base + "/schema", null).path("schema");
        List<String> classes = schema.path("classes").findValuesAsText("fullName");
        assertTrue(classes.toString(), classes.stream().anyMatch(n -> n.startsWith("IFC:")) && classes.stream().anyMatch(n -> n.startsWith("CSV:")));

        String wallId = walls.path(0).path("id").asText();
        JsonNode wall = c.call(200, "GET", base + "/elements/" + wallId, null).path("element");
        assertTrue(wall.toString(), wall.path("placement").path("bbox").path("low").isArray());
        Http.Answer glb = Http.send(c.port(), "GET", base + "/elements/" + wallId + "/geometry", null);
        assertEquals(200, glb.status());
        assertTrue(glb.header("Content-Type"), glb.header("Content-Type").startsWith("model/gltf-binary"));
        assertTrue(glb.body().startsWith("glTF"));
    }
}
