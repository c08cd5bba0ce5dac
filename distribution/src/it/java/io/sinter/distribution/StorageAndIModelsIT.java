package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinter.core.api.BlobSigner;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** iTwins, iModels and storage over HTTP, as api.md sections 3, 4 and 8.1 describe them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StorageAndIModelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BundleContext context;

    @Inject
    BlobSigner signer;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("storage", port), port);
    }

    private int port() throws Exception {
        int port = Integer.parseInt(context.getProperty(SinterRuntime.PORT));
        Http.await(port, "/health", 200, Duration.ofSeconds(60));
        return port;
    }

    private JsonNode call(int expectedStatus, String method, String url, String body) throws Exception {
        Http.Answer answer = Http.send(port(), method, url, body, "Content-Type", "application/json");
        assertEquals(method + " " + url + " -> " + answer.body(), expectedStatus, answer.status());
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    private String iTwin(String name) throws Exception {
        return call(201, "POST", "/itwins", "{\"displayName\":\"" + name + "\"}").path("iTwin").path("id").asText();
    }

    @Test
    public void iModelsFollowTheContract() throws Exception {
        int port = port();
        String base = "http://127.0.0.1:" + port;
        String tw = iTwin("Harbour Tower");

        Http.Answer created = Http.send(port, "POST", "/imodels", "{\"ITWINID\":\"" + tw + "\",\"name\":\"Tower federated\",\"description\":\"Design\","
                + "\"extent\":{\"southWest\":{\"latitude\":46.1,\"longitude\":7.2},\"northEast\":{\"latitude\":46.2,\"longitude\":7.3}},"
                + "\"geographicCoordinateSystem\":{\"horizontalCRSId\":\"EPSG:2056\"},\"unknown\":1}");
        assertEquals(created.body(), 201, created.status());
        assertTrue(created.contentType(), created.contentType().startsWith("application/json"));
        JsonNode model = JSON.readTree(created.body()).path("iModel");
        String id = model.path("id").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertEquals(base + "/imodels/" + id, created.header("Location"));
        assertEquals("Tower federated", model.path("displayName").asText());
        assertEquals("initialized", model.path("state").asText());
        assertEquals("Local", model.path("dataCenterLocation").asText());
        assertEquals("EPSG:2056", model.path("geographicCoordinateSystem").path("horizontalCRSId").asText());
        assertEquals(46.2, model.path("extent").path("northEast").path("latitude").asDouble(), 0);
        assertEquals(base + "/imodels/" + id + "/changesets", model.path("_links").path("changesets").path("href").asText());
        assertTrue(model.path("_links").has("creator") && model.path("_links").path("creator").isNull());

        JsonNode duplicate = call(409, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"TOWER FEDERATED\"}");
        assertEquals("iModelExists", duplicate.path("error").path("code").asText());
        JsonNode missing = call(422, "POST", "/imodels", "{\"name\":\"x\"}");
        assertEquals("InvalidiModelsRequest", missing.path("error").path("code").asText());
        assertEquals("MissingRequiredProperty", missing.path("error").path("details").path(0).path("code").asText());
        assertEquals("iTwinId", missing.path("error").path("details").path(0).path("target").asText());
        assertEquals("iTwinId", call(422, "POST", "/imodels", "{\"iTwinId\":\"nope\",\"name\":\"x\"}").path("error").path("target").asText());
        assertEquals("extent.northEast.latitude", call(422, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"y\","
                + "\"extent\":{\"southWest\":{\"latitude\":1,\"longitude\":1},\"northEast\":{\"latitude\":95,\"longitude\":2}}}")
                .path("error").path("target").asText());
        assertEquals("InvalidJson", call(422, "POST", "/imodels", "{\"iTwinId\":").path("error").path("details").path(0).path("code").asText());
        assertEquals("MissingRequestBody", call(422, "POST", "/imodels", "").path("error").path("code").asText());

        call(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"Annex\"}");
        JsonNode page = call(200, "GET", "/iModels?ITWINID=" + tw + "&$orderBy=name%20asc&$top=1", null);
        assertEquals(1, page.path("iModels").size());
        assertEquals("Annex", page.path("iModels").path(0).path("displayName").asText());
        assertFalse("minimal form", page.path("iModels").path(0).has("state"));
        assertEquals(base + "/imodels?iTwinId=" + tw + "&$orderBy=name%20asc&$skip=1&$top=1", page.path("_links").path("next").path("href").asText());
        assertEquals("$top", call(422, "GET", "/imodels?iTwinId=" + tw + "&$top=0", null).path("error").path("target").asText());
        assertEquals("iTwinId", call(422, "GET", "/imodels", null).path("error").path("target").asText());

        Http.Answer full = Http.send(port, "GET", "/imodels?iTwinId=" + tw, null, "Prefer", "return=representation");
        assertEquals("return=representation", full.header("Preference-Applied"));
        assertEquals("initialized", JSON.readTree(full.body()).path("iModels").path(0).path("state").asText());

        JsonNode patched = call(200, "PATCH", "/imodels/" + id + "/", "{\"name\":\"Tower v2\",\"description\":null}").path("iModel");
        assertEquals("Tower v2", patched.path("name").asText());
        assertTrue(patched.path("description").isNull());
        assertEquals("Tower v2", call(200, "GET", "/IMODELS/" + id, null).path("iModel").path("name").asText());
        call(204, "DELETE", "/imodels/" + id, null);
        assertEquals("iModelNotFound", call(404, "GET", "/imodels/" + id, null).path("error").path("code").asText());
        assertEquals("iModelNotFound", call(404, "PATCH", "/imodels/" + id, "{").path("error").path("code").asText());
    }

    @Test
    public void storageUploadCompleteDownloadAndReplaceContent() throws Exception {
        int port = port();
        String base = "http://127.0.0.1:" + port;
        String tw = iTwin("Storage twin");
        JsonNode rootAnswer = call(200, "GET", "/storage/?iTwinId=" + tw, null);
        JsonNode root = rootAnswer.path("folder");
        assertEquals("/", root.path("path").asText());
        assertTrue(root.path("parentFolderId").isNull());
        assertEquals(0, rootAnswer.path("items").size());
        String rootId = root.path("id").asText();
        assertEquals(43, rootId.length());
        assertEquals("iTwinNotFound", call(404, "GET", "/storage?iTwinId=00000000-0000-4000-8000-000000000000", null).path("error").path("code").asText());

        String sub = call(201, "POST", "/storage/folders/" + rootId + "/folders", "{\"displayName\":\"Models\"}").path("folder").path("id").asText();
        assertEquals("FolderExists", call(409, "POST", "/storage/folders/" + rootId + "/folders", "{\"displayName\":\"models\"}").path("error").path("code").asText());
        assertEquals("displayName", call(422, "POST", "/storage/folders/" + rootId + "/folders", "{\"displayName\":\"a/b\"}").path("error").path("target").asText());

        JsonNode ticket = call(202, "POST", "/storage/folders/" + sub + "/files", "{\"displayName\":\"Tower.ifc\"}");
        JsonNode file = ticket.path("file");
        String fileId = file.path("id").asText();
        assertEquals("pending", file.path("contentState").asText());
        assertEquals(0, file.path("size").asLong());
        assertTrue(file.path("contentHash").isNull());
        assertEquals("/Models/Tower.ifc", file.path("path").asText());
        String uploadUrl = ticket.path("_links").path("uploadUrl").path("href").asText();
        assertEquals(base + "/storage/files/" + fileId + "/complete", ticket.path("_links").path("completeUrl").path("href").asText());
        assertTrue(uploadUrl, uploadUrl.matches("\\Q" + base + "/storage/blobs/\\E[A-Za-z0-9_-]{43}\\?sp=w&se=\\d+&sig=[A-Za-z0-9_-]{43}"));
        assertEquals("FileExists", call(409, "POST", "/storage/folders/" + sub + "/files", "{\"displayName\":\"TOWER.IFC\"}").path("error").path("code").asText());
        assertEquals("FileContentNotUploaded", call(409, "POST", "/storage/files/" + fileId + "/complete", null).path("error").path("code").asText());

        String content = "ISO-10303-21;\nHEADER;ENDSEC;DATA;ENDSEC;END-ISO-10303-21;\n";
        assertEquals("SignatureInvalid", call(403, "PUT", uploadUrl.replace("sig=", "sig=x"), content).path("error").path("code").asText());
        assertEquals("SignatureInvalid", call(403, "GET", uploadUrl, null).path("error").path("code").asText());
        String blobId = uploadUrl.substring(uploadUrl.indexOf("/blobs/") + 7, uploadUrl.indexOf('?'));
        long past = System.currentTimeMillis() / 1000 - 10;
        assertEquals("SignatureExpired", call(403, "PUT", base + "/storage/blobs/" + blobId + "?sp=w&se=" + past + "&sig=" + signer.sign("w", blobId, past), content)
                .path("error").path("code").asText());
        assertEquals(201, Http.send(port, "PUT", uploadUrl, content, "x-ms-blob-type", "BlockBlob").status());
        JsonNode completed = call(200, "POST", "/storage/files/" + fileId + "/complete", null).path("file");
        assertEquals("available", completed.path("contentState").asText());
        assertEquals(content.length(), completed.path("size").asLong());
        String sha = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes()));
        assertEquals(sha, completed.path("contentHash").asText());
        assertEquals(base + "/storage/files/" + fileId + "/download", completed.path("_links").path("download").path("href").asText());
        assertEquals("BlobAlreadyCommitted", call(409, "PUT", uploadUrl, "again").path("error").path("code").asText());

        Http.Answer redirect = Http.send(port, "GET", "/storage/files/" + fileId + "/download", null);
        assertEquals(302, redirect.status());
        String downloadUrl = redirect.header("Location");
        assertTrue(downloadUrl, downloadUrl.startsWith(base + "/storage/blobs/" + blobId + "?sp=r&se="));
        Http.Answer bytes = Http.send(port, "GET", downloadUrl, null);
        assertEquals(200, bytes.status());
        assertEquals(content, bytes.body());
        assertEquals("application/octet-stream", bytes.contentType());
        assertEquals("\"" + sha + "\"", bytes.header("ETag"));
        assertTrue(bytes.header("Content-Disposition"), bytes.header("Content-Disposition").startsWith("attachment; filename=\"Tower.ifc\""));

        JsonNode replace = call(202, "POST", "/storage/files/" + fileId + "/updatecontent", null);
        String secondUpload = replace.path("_links").path("uploadUrl").path("href").asText();
        assertNotEquals(uploadUrl, secondUpload);
        assertEquals("the current content stays until complete", sha, replace.path("file").path("contentHash").asText());
        assertEquals(201, Http.send(port, "PUT", secondUpload, content + "-rev2").status());
        JsonNode rev2 = call(200, "POST", "/storage/files/" + fileId + "/complete", null).path("file");
        assertEquals(fileId, rev2.path("id").asText());
        assertNotEquals(sha, rev2.path("contentHash").asText());
        assertFalse(rev2.path("_links").has("uploadUrl"));

        JsonNode items = call(200, "GET", "/storage/folders/" + rootId + "/list", null).path("items");
        assertEquals("folder", items.path(0).path("type").asText());
        call(201, "POST", "/storage/folders/" + rootId + "/folders", "{\"displayName\":\"Zeta\"}");
        call(202, "POST", "/storage/folders/" + rootId + "/files", "{\"displayName\":\"Alpha.dxf\"}");
        JsonNode listing = call(200, "GET", "/storage/folders/" + rootId + "/list?$top=2", null);
        assertEquals("Models", listing.path("items").path(0).path("displayName").asText());
        assertEquals("Zeta", listing.path("items").path(1).path("displayName").asText());
        assertTrue(listing.path("_links").has("next"));
        assertEquals("Alpha.dxf", call(200, "GET", "/storage/folders/" + rootId + "/list?$skip=2", null).path("items").path(0).path("displayName").asText());

        call(204, "DELETE", "/storage/folders/" + sub, null);
        assertEquals("FileNotFound", call(404, "GET", "/storage/files/" + fileId, null).path("error").path("code").asText());
        assertEquals("BlobNotFound", call(404, "GET", downloadUrl, null).path("error").path("code").asText());
        assertNull(call(200, "GET", "/storage/folders/" + rootId, null).path("folder").path("parentFolderId").textValue());
    }
}
