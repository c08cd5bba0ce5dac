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

    /** Uploads {@code content} as a new file of the iTwin's root folder and returns the file id. */
    private String upload(String tw, String name, String content) throws Exception {
        String rootId = call(200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
        JsonNode ticket = call(202, "POST", "/storage/folders/" + rootId + "/files", "{\"displayName\":\"" + name + "\"}");
        assertEquals(201, Http.send(port(), "PUT", ticket.path("_links").path("uploadUrl").path("href").asText(), content).status());
        String id = ticket.path("file").path("id").asText();
        call(200, "POST", "/storage/files/" + id + "/complete", null);
        return id;
    }

    @Test
    public void connectionsAndSourceFilesFollowTheContract() throws Exception {
        String base = "http://127.0.0.1:" + port();
        String tw = iTwin("Connections twin");
        String im = call(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"Federated\"}").path("iModel").path("id").asText();
        String ifc = upload(tw, "Tower.ifc", "ISO-10303-21;");
        String dxf = upload(tw, "Site.dxf", "0\nEOF\n");
        String rootId = call(200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
        String pending = call(202, "POST", "/storage/folders/" + rootId + "/files", "{\"displayName\":\"Pending.ifc\"}").path("file").path("id").asText();

        Http.Answer created = Http.send(port(), "POST", "/synchronization/imodels/storageConnections",
                "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[{\"storageFileId\":\"" + ifc + "\",\"connectorType\":\"ifc\"}]}");
        assertEquals(created.body(), 201, created.status());
        JsonNode connection = JSON.readTree(created.body()).path("connection");
        String c1 = connection.path("id").asText();
        assertEquals(43, c1.length());
        assertEquals(base + "/synchronization/imodels/storageconnections/" + c1, created.header("Location"));
        assertEquals("Connection " + c1.substring(0, 8), connection.path("displayName").asText());
        assertEquals("User", connection.path("authenticationType").asText());
        assertEquals("storage", connection.path("connectionType").asText());
        assertEquals(base + "/imodels/" + im, connection.path("_links").path("iModel").path("href").asText());
        assertFalse(connection.path("_links").has("lastRun"));

        String mapped = "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[{\"storageFileId\":\"" + ifc + "\",\"connectorType\":\"IFC\"}]}";
        assertEquals("SourceFileAlreadyMapped", call(409, "POST", "/synchronization/imodels/storageconnections", mapped).path("error").path("code").asText());
        JsonNode badType = call(422, "POST", "/synchronization/imodels/storageconnections",
                "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[{\"storageFileId\":\"" + dxf + "\",\"connectorType\":\"NotSet\"}]}");
        assertEquals("InvalidStorageConnectionRequest", badType.path("error").path("code").asText());
        assertEquals("sourceFiles[0].connectorType", badType.path("error").path("target").asText());
        assertEquals("sourceFiles[0].storageFileId", call(422, "POST", "/synchronization/imodels/storageconnections",
                "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[{\"storageFileId\":\"" + pending + "\",\"connectorType\":\"IFC\"}]}")
                .path("error").path("target").asText());
        assertEquals("iModelId", call(422, "POST", "/synchronization/imodels/storageconnections",
                "{\"iModelId\":\"nope\",\"sourceFiles\":[{\"storageFileId\":\"" + dxf + "\",\"connectorType\":\"DWG\"}]}")
                .path("error").path("target").asText());
        assertEquals("sourceFiles[0].connectorType", call(422, "POST", "/synchronization/imodels/storageconnections",
                "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[{\"storageFileId\":\"" + dxf + "\"}]}")
                .path("error").path("details").path(0).path("target").asText());

        JsonNode added = call(201, "POST", "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles",
                "{\"storageFileId\":\"" + dxf + "\",\"connectorType\":\"DWG\",\"isSpatialRoot\":true}").path("sourceFile");
        String dxfRecord = added.path("id").asText();
        assertEquals("Site.dxf", added.path("lastKnownFileName").asText());
        assertEquals("DWG", added.path("connectorType").asText());
        assertTrue(added.path("isSpatialRoot").asBoolean());
        assertTrue(added.path("modelId").isNull());
        assertEquals(base + "/storage/files/" + dxf, added.path("_links").path("file").path("href").asText());
        JsonNode files = call(200, "GET", "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles", null);
        assertEquals(2, files.path("sourceFiles").size());
        assertFalse("minimal form", files.path("sourceFiles").path(0).has("connectorType"));

        call(204, "DELETE", "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles/" + dxfRecord, null);
        assertEquals("StorageConnectionSourceFileNotFound", call(404, "GET",
                "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles/" + dxfRecord, null).path("error").path("code").asText());
        assertEquals(1, call(200, "GET", "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles", null).path("sourceFiles").size());
        assertEquals("re-adding to the same connection cancels the removal", dxfRecord, call(201, "POST",
                "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles",
                "{\"storageFileId\":\"" + dxf + "\",\"connectorType\":\"DWG\"}").path("sourceFile").path("id").asText());

        JsonNode manifest = call(201, "POST", "/synchronization/imodels/manifestconnections",
                "{\"iModelId\":\"" + im + "\",\"displayName\":\"PW mirror\",\"authenticationType\":\"service\",\"sourceFiles\":[{\"sourceFileId\":\"pw-doc-000123\"}]}")
                .path("connection");
        String m1 = manifest.path("id").asText();
        assertEquals("Service", manifest.path("authenticationType").asText());
        assertEquals("manifest", manifest.path("connectionType").asText());
        assertEquals("pw-doc-000123", call(200, "GET", "/synchronization/imodels/manifestconnections/" + m1 + "/sourcefiles", null)
                .path("sourceFiles").path(0).path("sourceFileId").asText());
        assertEquals("ManifestConnectionNotFound", call(404, "GET", "/synchronization/imodels/manifestconnections/" + c1, null).path("error").path("code").asText());

        JsonNode all = call(200, "GET", "/synchronization/imodels/connections?imodelId=" + im, null);
        assertEquals(2, all.path("connections").size());
        assertFalse(all.path("connections").path(0).has("connectionType"));
        assertEquals("iModelNotFound", call(404, "GET", "/synchronization/imodels/connections?imodelId=00000000-0000-4000-8000-000000000000", null)
                .path("error").path("code").asText());

        assertEquals("Design models", call(200, "PUT", "/synchronization/imodels/storageconnections/" + c1, "{\"displayName\":\"Design models\"}")
                .path("connection").path("displayName").asText());
        String ifcRecord = call(200, "GET", "/synchronization/imodels/storageconnections/" + c1 + "/sourcefiles", null).path("sourceFiles").path(0).path("id").asText();
        call(204, "DELETE", "/synchronization/imodels/storageconnections/" + c1, null);
        assertEquals("StorageConnectionNotFound", call(404, "GET", "/synchronization/imodels/storageconnections/" + c1, null).path("error").path("code").asText());
        JsonNode again = call(201, "POST", "/synchronization/imodels/storageconnections", mapped).path("connection");
        String reattached = call(200, "GET", "/synchronization/imodels/storageconnections/" + again.path("id").asText() + "/sourcefiles", null)
                .path("sourceFiles").path(0).path("id").asText();
        assertEquals("a detached document is re-attached with its old record id", ifcRecord, reattached);
    }
}
