package io.sinter.core.internal.run;

import io.sinter.core.api.RunService.Manifest;
import io.sinter.core.api.RunService.ManifestChild;
import io.sinter.core.api.RunService.ManifestItem;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.ServiceException.Detail;
import io.sinter.core.internal.store.DocumentEntity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The checks of a manifest run request (api.md section 5.5) against the connection's registered
 * documents. Every problem becomes one detail of a single 422 {@code InvalidManifestConnectionRequest}.
 */
final class ManifestCheck {
    static final String CODE = "InvalidManifestConnectionRequest";
    static final int MAX_ITEMS = 250;
    static final int MAX_CHILDREN = 1000;

    /** A checked item with its document and canonical connector type (null for an unmap without a known type). */
    record Checked(ManifestItem item, DocumentEntity document, String connectorType, boolean unmap) {
    }

    private final List<Detail> problems = new ArrayList<>();
    private final UnaryOperator<String> canonicalType;
    private final List<String> allowedHosts;
    private final AddressGuard guard;

    /**
     * @param canonicalType the canonical upper-case type, or null when the value is no valid type
     * @param guard the address rules; here only the refusals decidable without DNS apply
     */
    ManifestCheck(UnaryOperator<String> canonicalType, List<String> allowedHosts, AddressGuard guard) {
        this.canonicalType = canonicalType;
        this.allowedHosts = allowedHosts;
        this.guard = guard;
    }

    /**
     * @param documents the connection's registered documents (not pending removal) by client document id
     * @param roots ids of the iModel's documents that are the spatial root now
     */
    List<Checked> check(Manifest manifest, Map<String, DocumentEntity> documents, Set<String> roots) {
        if (manifest == null) {
            throw new ServiceException(ServiceException.Kind.INVALID, "MissingRequestBody", "A manifest run needs a body with 'sourceFiles'.");
        }
        List<ManifestItem> items = manifest.sourceFiles();
        if (items.size() > MAX_ITEMS) {
            problem("LimitExceeded", "A manifest names at most " + MAX_ITEMS + " files; this one names " + items.size() + ".", "sourceFiles");
            done();
        }
        List<Checked> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int rootItems = 0;
        for (int i = 0; i < items.size(); i++) {
            ManifestItem item = items.get(i);
            String t = "sourceFiles[" + i + "]";
            DocumentEntity document = null;
            if (blank(item.id())) {
                problem("MissingRequiredProperty", "'" + t + ".id' is required.", t + ".id");
            } else if (!ids.add(item.id())) {
                problem("InvalidValue", "'" + item.id() + "' is named twice in this manifest.", t + ".id");
            } else {
                document = documents.get(item.id());
                if (document == null) {
                    problem("InvalidValue", "'" + item.id() + "' is not a source file of this connection.", t + ".id");
                }
            }
            if (blank(item.name())) {
                problem("MissingRequiredProperty", "'" + t + ".name' is required.", t + ".name");
            } else {
                fileName(item.name(), t + ".name");
            }
            String action = item.action() == null ? "bridge" : item.action().toLowerCase(Locale.ROOT);
            if (!action.equals("bridge") && !action.equals("unmap")) {
                problem("InvalidValue", "'" + t + ".action' must be bridge or unmap.", t + ".action");
            }
            boolean unmap = action.equals("unmap");
            String type = null;
            if (item.connectorType() != null) {
                type = canonicalType.apply(item.connectorType());
                if (type == null) {
                    problem("InvalidValue", "'" + item.connectorType() + "' is not a known connector type.", t + ".connectorType");
                }
            } else if (!unmap) {
                problem("MissingRequiredProperty", "'" + t + ".connectorType' is required for bridge.", t + ".connectorType");
            } else if (document != null) {
                type = document.getConnectorType();
            }
            if (!unmap) {
                if (item.url() == null) {
                    problem("MissingRequiredProperty", "'" + t + ".url' is required for bridge.", t + ".url");
                } else {
                    url(item.url(), t + ".url");
                }
            } else if (item.url() != null) {
                url(item.url(), t + ".url");
            }
            relativePath(item.relativePath(), t + ".relativePath");
            String documentId = document == null ? null : document.getId();
            if (Boolean.TRUE.equals(item.isSpatialRoot())) {
                rootItems++;
                if (rootItems > 1) {
                    problem("InvalidValue", "Only one file of an iModel can be the spatial root.", t + ".isSpatialRoot");
                } else if (document != null && roots.stream().anyMatch(r -> !r.equals(documentId))) {
                    problem("InvalidValue", "Another source file of this iModel is the spatial root.", t + ".isSpatialRoot");
                }
            }
            children(item, t);
            checked.add(new Checked(item, document, type, unmap));
        }
        done();
        return checked;
    }

    private void children(ManifestItem item, String t) {
        List<ManifestChild> children = item.children();
        if (children.size() > MAX_CHILDREN) {
            problem("LimitExceeded", "A file has at most " + MAX_CHILDREN + " children; this one has " + children.size() + ".", t + ".children");
            return;
        }
        Set<String> ids = new HashSet<>();
        Set<String> placed = new HashSet<>();
        placed.add(place(item.relativePath(), item.name()));
        for (int j = 0; j < children.size(); j++) {
            ManifestChild child = children.get(j);
            String c = t + ".children[" + j + "]";
            if (blank(child.id())) {
                problem("MissingRequiredProperty", "'" + c + ".id' is required.", c + ".id");
            } else if (!ids.add(child.id())) {
                problem("InvalidValue", "Child '" + child.id() + "' is named twice.", c + ".id");
            }
            if (blank(child.parentId())) {
                problem("MissingRequiredProperty", "'" + c + ".parentId' is required.", c + ".parentId");
            } else if (!child.parentId().equals(item.id())) {
                problem("InvalidValue", "'" + c + ".parentId' must be the master's id '" + item.id() + "'.", c + ".parentId");
            }
            if (blank(child.name())) {
                problem("MissingRequiredProperty", "'" + c + ".name' is required.", c + ".name");
            } else if (fileName(child.name(), c + ".name") && !placed.add(place(child.relativePath(), child.name()))) {
                problem("InvalidValue", "Two files of this master would be written to the same path.", c + ".name");
            }
            if (child.url() == null) {
                problem("MissingRequiredProperty", "'" + c + ".url' is required.", c + ".url");
            } else {
                url(child.url(), c + ".url");
            }
            if (child.connectorType() != null && canonicalType.apply(child.connectorType()) == null) {
                problem("InvalidValue", "'" + child.connectorType() + "' is not a known connector type.", c + ".connectorType");
            }
            relativePath(child.relativePath(), c + ".relativePath");
        }
    }

    private static String place(String relativePath, String name) {
        String folder = relativePath == null ? "" : relativePath.replace('\\', '/').replaceAll("^/+|/+$", "");
        return (folder.isEmpty() ? "" : folder + "/") + (name == null ? "" : name).toLowerCase(Locale.ROOT);
    }

    private boolean fileName(String name, String target) {
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0 || name.length() > 255) {
            problem("InvalidValue", "'" + name + "' is not a plain file name.", target);
            return false;
        }
        return true;
    }

    private void url(String value, String target) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problem("InvalidValue", "'" + value + "' is not a URL: " + e.getReason() + ".", target);
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            problem("InvalidValue", "'" + value + "' is not an absolute http or https URL.", target);
        } else if (!Download.hostAllowed(allowedHosts, uri.getHost())) {
            problem("InvalidValue", "Host " + uri.getHost() + " is not in sinter.sync.download.allowedHosts.", target);
        } else if (!Bridge.SIGNED_BLOB.matcher(uri.getPath() == null ? "" : uri.getPath()).matches() || uri.getRawQuery() == null) {
            // a signed blob URL of this server is read internally (the download applies the rules if it is not one)
            String refusal = guard.refusalWithoutDns(uri);
            if (refusal != null) {
                problem("InvalidValue", refusal, target);
            }
        }
    }

    private void relativePath(String value, String target) {
        if (value == null) {
            return;
        }
        for (String segment : value.split("[/\\\\]")) {
            if (segment.equals("..")) {
                problem("InvalidValue", "'" + value + "' must not contain '..' segments.", target);
                return;
            }
        }
        if (value.startsWith("/") || value.startsWith("\\") || value.matches("^[A-Za-z]:.*") || value.indexOf('\0') >= 0) {
            problem("InvalidValue", "'" + value + "' must be relative.", target);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void problem(String code, String message, String target) {
        problems.add(new Detail(code, message, target));
    }

    private void done() {
        if (!problems.isEmpty()) {
            Detail first = problems.get(0);
            throw new ServiceException(ServiceException.Kind.INVALID, CODE,
                    problems.size() == 1 ? first.message() : problems.size() + " problems in the manifest: " + first.message(), first.target(), problems);
        }
    }
}
