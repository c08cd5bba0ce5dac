package io.sinter.connector.ifc.internal.step;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Access to the IFC model inside an {@code .ifczip}: a zip archive holding exactly one {@code .ifc} file
 * (in any folder; macOS {@code __MACOSX/} metadata is ignored). An archive with no or several
 * {@code .ifc} entries is refused with a {@link ZipException}.
 */
public final class IfcZip {

    private IfcZip() {
    }

    /** @return the name of the single {@code .ifc} entry of {@code archive} */
    public static String ifcEntryName(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return singleIfcEntry(zip, archive).getName();
        }
    }

    /**
     * Opens the single {@code .ifc} entry of {@code archive} for streaming, for example into a
     * {@link StepReader}. Closing the stream closes the archive.
     */
    public static InputStream openIfcEntry(Path archive) throws IOException {
        ZipFile zip = new ZipFile(archive.toFile());
        try {
            InputStream entry = zip.getInputStream(singleIfcEntry(zip, archive));
            return new FilterInputStream(entry) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Copies the single {@code .ifc} entry of {@code archive} to {@code target} (replacing it), for
     * random access through {@link StepFile}.
     */
    public static void extractIfcEntry(Path archive, Path target) throws IOException {
        try (InputStream in = openIfcEntry(archive)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ZipEntry singleIfcEntry(ZipFile zip, Path archive) throws ZipException {
        List<ZipEntry> found = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && !name.startsWith("__MACOSX/")
                    && name.toLowerCase(Locale.ROOT).endsWith(".ifc")) {
                found.add(entry);
            }
        }
        if (found.isEmpty()) {
            throw new ZipException(archive + " holds no .ifc file");
        }
        if (found.size() > 1) {
            List<String> names = found.stream().map(ZipEntry::getName).toList();
            throw new ZipException(archive + " holds " + found.size() + " .ifc files, expected one: " + names);
        }
        return found.get(0);
    }
}
