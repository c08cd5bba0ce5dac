package io.sinter.rest.internal;

import io.sinter.core.api.ITwinInfo;
import io.sinter.core.api.IModelInfo;
import io.sinter.core.api.StorageService.FileInfo;
import io.sinter.core.api.StorageService.FolderInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire shapes of api.md: entities as ordered JSON maps with their links. */
final class Wire {
    /** The media type of every JSON answer. */
    static final String JSON = "application/json; charset=utf-8";

    private Wire() {
    }

    static Map<String, Object> link(String href) {
        return Map.of("href", href);
    }

    static Map<String, Object> iTwin(ITwinInfo t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("displayName", t.displayName());
        json.put("number", null);
        json.put("description", t.description());
        json.put("status", "Active");
        json.put("createdDateTime", Dates.format(t.createdDateTime()));
        json.put("createdBy", t.createdBy());
        return json;
    }

    static Map<String, Object> iModel(String base, IModelInfo m, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("displayName", m.name());
        if (!full) {
            return json;
        }
        json.put("name", m.name());
        json.put("description", m.description());
        json.put("state", "initialized");
        json.put("createdDateTime", Dates.format(m.createdDateTime()));
        json.put("iTwinId", m.iTwinId());
        IModelInfo.Extent e = m.extent();
        json.put("extent", e == null ? null : Map.of(
                "southWest", Map.of("latitude", e.south(), "longitude", e.west()),
                "northEast", Map.of("latitude", e.north(), "longitude", e.east())));
        json.put("geographicCoordinateSystem", m.horizontalCrsId() == null ? null : Map.of("horizontalCRSId", m.horizontalCrsId()));
        json.put("dataCenterLocation", "Local");
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("changesets", link(base + "/imodels/" + m.id() + "/changesets"));
        links.put("creator", null);
        links.put("namedVersions", null);
        json.put("_links", links);
        return json;
    }

    static Map<String, Object> folder(String base, FolderInfo f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("displayName", f.displayName());
        json.put("description", f.description());
        json.put("type", "folder");
        json.put("path", f.path());
        json.put("parentFolderId", f.parentFolderId());
        json.put("createdDateTime", Dates.format(f.createdDateTime()));
        json.put("lastModifiedDateTime", Dates.format(f.lastModifiedDateTime()));
        json.put("lastModifiedByDisplayName", null);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(base + "/storage/folders/" + f.id()));
        if (f.parentFolderId() != null) {
            links.put("parentFolder", link(base + "/storage/folders/" + f.parentFolderId()));
        }
        json.put("_links", links);
        return json;
    }

    /** A file; {@code uploadHref} is the signed upload URL while an upload is open (else null). */
    static Map<String, Object> file(String base, FileInfo f, String uploadHref) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("displayName", f.displayName());
        json.put("description", f.description());
        json.put("type", "file");
        json.put("path", f.path());
        json.put("parentFolderId", f.parentFolderId());
        json.put("size", f.size());
        json.put("createdDateTime", Dates.format(f.createdDateTime()));
        json.put("lastModifiedDateTime", Dates.format(f.lastModifiedDateTime()));
        json.put("lastModifiedByDisplayName", null);
        json.put("contentHash", f.contentHash());
        json.put("contentState", f.available() ? "available" : "pending");
        json.put("_links", fileLinks(base, f, uploadHref));
        return json;
    }

    static Map<String, Object> fileLinks(String base, FileInfo f, String uploadHref) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", link(base + "/storage/files/" + f.id()));
        links.put("parentFolder", link(base + "/storage/folders/" + f.parentFolderId()));
        if (f.available()) {
            links.put("download", link(base + "/storage/files/" + f.id() + "/download"));
        }
        if (uploadHref != null) {
            links.put("uploadUrl", link(uploadHref));
            links.put("completeUrl", link(base + "/storage/files/" + f.id() + "/complete"));
        }
        return links;
    }
}
