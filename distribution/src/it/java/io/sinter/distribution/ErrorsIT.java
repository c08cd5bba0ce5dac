package io.sinter.distribution;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The 4xx answers of api.md section 1.9 that no feature test produces on its way: each one asked for
 * over HTTP, with its status, code and target.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ErrorsIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("errors", port), port);
    }

    private static String code(JsonNode answer) {
        return answer.path("error").path("code").asText();
    }

    @Test
    public void validationCodesPerArea() throws Exception {
        SyncClient c = new SyncClient(context);
        String[] ids = c.iModel("Errors");
        JsonNode iTwin = c.call(422, "POST", "/itwins", "{\"description\":\"no name\"}");
        assertEquals("InvalidRequest", code(iTwin));
        assertEquals("displayName", iTwin.path("error").path("details").path(0).path("target").asText());

        JsonNode folder = c.call(422, "POST", "/storage/folders/" + ids[2] + "/folders", "{\"displayName\":42}");
        assertEquals("InvalidStorageRequest", code(folder));
        assertEquals("displayName", folder.path("error").path("details").path(0).path("target").asText());

        String file = c.upload(ids[2], "a.csv", "id\n1\n");
        String storage = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + ids[1]
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + file + "\",\"connectorType\":\"REVIT\"}]}").path("connection").path("id").asText();
        JsonNode storageFile = c.call(422, "POST", "/synchronization/imodels/storageconnections/" + storage + "/sourcefiles", "{\"connectorType\":\"REVIT\"}");
        assertEquals("InvalidStorageConnectionSourceFileRequest", code(storageFile));
        assertEquals("storageFileId", storageFile.path("error").path("details").path(0).path("target").asText());

        String manifest = c.call(201, "POST", "/synchronization/imodels/manifestconnections", "{\"iModelId\":\"" + ids[1]
                + "\",\"sourceFiles\":[{\"sourceFileId\":\"doc-1\"},{\"sourceFileId\":\"doc-2\"}]}").path("connection").path("id").asText();
        String base = "/synchronization/imodels/manifestconnections/" + manifest + "/sourcefiles";
        JsonNode manifestFile = c.call(422, "POST", base, "{\"sourceFileId\":\"\"}");
        assertEquals("InvalidManifestConnectionSourceFileRequest", code(manifestFile));
        assertEquals("ManifestConnectionSourceFileNotFound", code(c.call(404, "GET", base + "/nope", null)));
        String first = c.call(200, "GET", base, null).path("sourceFiles").path(0).path("id").asText();
        assertEquals("SourceFileAlreadyMapped", code(c.call(409, "PUT", base + "/" + first, "{\"sourceFileId\":\"doc-2\"}")));
    }

    @Test
    public void authorizationInformation() throws Exception {
        SyncClient c = new SyncClient(context);
        String url = "/synchronization/imodels/connections/authorizationinformation";
        JsonNode info = c.call(200, "GET", url + "?redirectUrl=https%3A%2F%2Fapp.example%2Fdone", null).path("authorizationInformation");
        assertEquals(true, info.path("isUserAuthorized").asBoolean());
        String href = info.path("_links").path("authorizationUrl").path("href").asText();
        org.junit.Assert.assertTrue(href, href.matches("http://127\\.0\\.0\\.1:\\d+/auth/consent\\?ticket=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"
                + "&redirectUrl=https%3A%2F%2Fapp\\.example%2Fdone"));
        JsonNode bad = c.call(422, "GET", url + "?redirectUrl=ftp%3A%2F%2Fx", null);
        assertEquals("InvalidAuthorizationInformationRequest", code(bad));
        assertEquals("redirectUrl", bad.path("error").path("target").asText());
    }

    @Test
    public void notFoundAndTooLarge() throws Exception {
        SyncClient c = new SyncClient(context);
        assertEquals("FolderNotFound", code(c.call(404, "GET", "/storage/folders/nope", null)));
        assertEquals("FolderNotFound", code(c.call(404, "POST", "/storage/folders/nope/files", "{\"displayName\":\"x.csv\"}")));
        String big = "{\"displayName\":\"big\",\"description\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        JsonNode tooLarge = c.call(413, "POST", "/itwins", big);
        assertEquals("PayloadTooLarge", code(tooLarge));
        assertEquals("nothing was created", 0, c.call(200, "GET", "/itwins", null).path("iTwins").findValues("displayName").stream()
                .filter(n -> "big".equals(n.asText())).count());
    }
}
