package io.sinter.core.internal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.SourceFile;
import io.sinter.core.internal.change.Diff;
import io.sinter.core.internal.store.DocumentEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diagnostics report of a task in the field names of Bentley's report viewer (api.md section
 * 7.4). The run engine adds {@code context} when it stores the report with the task's result.
 */
final class Reports {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Reports() {
    }

    /**
     * @param counts the diff's counts, or null when the connector failed
     * @param errorKey the task's error key when the connector failed, else null
     */
    static Map<String, Object> task(Bridge.Work work, DocumentEntity document, List<SourceFile> references, SyncContext context,
            Diff.Counts counts, long startedNanos, String errorKey, String errorDetails) {
        ManifestItems.Item item = work.manifestItem() == null ? null : ManifestItems.read(work.manifestItem());
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("fileId", document.getId());
        files.put("fileName", work.fileName());
        files.put("path", item == null || item.relativePath() == null ? "" : item.relativePath());
        files.put("dataSource", item == null ? "storage" : "manifest");
        files.put("fileExists", true);
        if (item != null && item.documentAttributeJson() != null) {
            files.put("documentAttribute", json(item.documentAttributeJson()));
        }
        List<Object> children = new ArrayList<>();
        for (SourceFile reference : references) {
            String path = item == null ? "" : item.children().stream().filter(c -> c.id().equals(reference.id())).map(ManifestItems.Child::relativePath)
                    .filter(p -> p != null).findFirst().orElse("");
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("fileId", reference.id());
            child.put("fileName", reference.fileName());
            child.put("path", path);
            child.put("state", "Downloaded");
            child.put("failureReason", null);
            children.add(child);
        }
        files.put("Files", children);

        List<Object> audit = new ArrayList<>();
        int number = 0;
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        for (Issue issue : context.issues()) {
            switch (issue.level()) {
                case FATAL, CRITICAL, ERROR -> errors++;
                case WARNING -> warnings++;
                default -> infos++;
            }
            audit.add(record(++number, level(issue.level()), issue.category(), issue.message(), work.fileName(), issue.identifier()));
        }
        if (errorKey != null) {
            errors++;
            audit.add(record(++number, "Fatal", errorKey, errorDetails, work.fileName(), null));
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("identifier", work.fileName());
        file.put("path", files.get("path"));
        Map<String, Object> fileRecord = new LinkedHashMap<>();
        fileRecord.put("file", file);
        fileRecord.put("auditrecords", audit);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("inserted", counts == null ? 0 : counts.inserted());
        summary.put("updated", counts == null ? 0 : counts.updated());
        summary.put("deleted", counts == null ? 0 : counts.deleted());
        summary.put("unchanged", counts == null ? 0 : counts.unchanged());
        summary.put("matchedByIdentifier", counts == null ? 0 : counts.matchedByIdentifier());
        summary.put("matchedByContent", counts == null ? 0 : counts.matchedByContent());
        summary.put("errors", errors);
        summary.put("warnings", warnings);
        summary.put("infos", infos);
        summary.put("issuesNotListed", context.droppedIssues());
        summary.put("durationMs", (System.nanoTime() - startedNanos) / 1_000_000);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("operationType", "bridge");
        report.put("sourceFilesInfo", files);
        report.put("filerecords", List.of(fileRecord));
        report.put("summary", summary);
        return report;
    }

    /** The most re-matched elements a report lists one by one; the rest are counted. */
    static final int MAX_LISTED_MATCHES = 1000;

    /**
     * Adds {@code matching} (a Sinter section, api.md section 6.3a): every element whose source identifier changed
     * but whose content matched a stored element, with both identifiers and how it was matched.
     */
    static Map<String, Object> withMatching(Map<String, Object> report, List<Diff.Rematch> rematches) {
        List<Object> listed = new ArrayList<>();
        for (Diff.Rematch r : rematches) {
            if (listed.size() == MAX_LISTED_MATCHES) {
                break;
            }
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("elementId", Bridge.hex(r.elementId()));
            match.put("kind", r.kind());
            match.put("oldIdentifier", r.oldIdentifier());
            match.put("newIdentifier", r.newIdentifier());
            match.put("matchedBy", r.contentEqual() ? "content" : "contentWithinTolerance");
            listed.add(match);
        }
        Map<String, Object> matching = new LinkedHashMap<>();
        matching.put("rematched", listed);
        matching.put("rematchedNotListed", rematches.size() - listed.size());
        report.put("matching", matching);
        return report;
    }

    static Map<String, Object> unmap(Bridge.Work work, int deleted) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("fileId", work.documentId());
        files.put("fileName", work.fileName());
        files.put("path", "");
        files.put("dataSource", work.manifestItem() == null ? "storage" : "manifest");
        files.put("fileExists", false);
        files.put("Files", List.of());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("inserted", 0);
        summary.put("updated", 0);
        summary.put("deleted", deleted);
        summary.put("unchanged", 0);
        summary.put("errors", 0);
        summary.put("warnings", 0);
        summary.put("infos", 0);
        summary.put("durationMs", 0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("operationType", "unmap");
        report.put("sourceFilesInfo", files);
        report.put("filerecords", List.of());
        report.put("summary", summary);
        return report;
    }

    private static Map<String, Object> record(int number, String level, String category, String message, String fileName, String sourceId) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("issueid", String.valueOf(number));
        info.put("level", level);
        info.put("category", category);
        info.put("message", message);
        info.put("type", category);
        info.put("fileName", fileName);
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("ecinstanceid", null);
        element.put("sourceid", sourceId);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("auditinfo", info);
        record.put("elementinfo", element);
        return record;
    }

    private static String level(Issue.Level level) {
        String name = level.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Object json(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
