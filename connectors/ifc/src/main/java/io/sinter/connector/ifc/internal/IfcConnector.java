package io.sinter.connector.ifc.internal;

import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.ConnectorType;
import io.sinter.connector.api.Position;
import io.sinter.connector.api.SourceFile;
import io.sinter.connector.ifc.internal.model.IfcExtraction;
import io.sinter.connector.ifc.internal.model.StepReadException;
import io.sinter.connector.ifc.internal.step.IfcSchemaVersion;
import io.sinter.connector.ifc.internal.step.IfcZip;
import io.sinter.connector.ifc.internal.step.StepFile;
import io.sinter.connector.ifc.internal.step.StepSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import org.osgi.service.component.annotations.Component;

/**
 * The IFC connector: IFC2X3, IFC4 and IFC4X3 files ({@code .ifc}, ISO 10303-21) and {@code .ifczip}
 * archives holding one, read into elements of kind {@code IfcRoot} identified by GlobalId (api.md
 * sections 6.2, 6.8 and 7.5; the mapping is described in {@link IfcExtraction}).
 *
 * <p>A file that is not well-formed STEP fails with {@link ConnectorException.Kind#CORRUPT} at the line,
 * byte offset and instance of the problem; a schema other than the three families with
 * {@link ConnectorException.Kind#UNSUPPORTED}. The component is stateless.
 */
@Component(service = Connector.class)
@ConnectorType(type = "IFC", extensions = {"ifc", "ifczip"}, version = "1", name = "IFC connector")
public final class IfcConnector implements Connector {

    /** Creates the stateless connector. */
    public IfcConnector() {
        // nothing to set up
    }

    @Override
    public void extract(SourceFile file, ConnectorContext context) throws ConnectorException {
        if (file.fileName().toLowerCase(Locale.ROOT).endsWith(".ifczip")) {
            Path unzipped = null;
            try {
                Path folder = file.path().toAbsolutePath().getParent();
                unzipped = Files.createTempFile(folder, file.baseName().replaceAll("[^A-Za-z0-9_-]", "_") + "-", ".ifc");
                IfcZip.extractIfcEntry(file.path(), unzipped);
                extract(unzipped, file, context);
            } catch (ZipException e) {
                throw new ConnectorException(ConnectorException.Kind.CORRUPT,
                        file.fileName() + " is no readable .ifczip: " + e.getMessage(), Position.UNKNOWN, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack " + file.fileName() + " next to " + file.path(), e);
            } finally {
                deleteQuietly(unzipped);
            }
        } else {
            extract(file.path(), file, context);
        }
    }

    private static void extract(Path path, SourceFile file, ConnectorContext context) throws ConnectorException {
        try (StepFile step = StepFile.open(path)) {
            Optional<IfcSchemaVersion> version = step.schemaVersion();
            if (version.isEmpty()) {
                throw new ConnectorException(ConnectorException.Kind.UNSUPPORTED, file.fileName() + " has the schema '"
                        + step.schemaIdentifier() + "'; the IFC connector reads IFC2X3, IFC4 and IFC4X3.", Position.UNKNOWN);
            }
            new IfcExtraction(step, version.get(), context).run();
        } catch (StepSyntaxException e) {
            throw corrupt(file, e);
        } catch (StepReadException e) {
            throw corrupt(file, e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local copy " + path + " of " + file.fileName(), e);
        }
    }

    private static ConnectorException corrupt(SourceFile file, StepSyntaxException e) {
        String entity = e.instanceId().isPresent() ? "#" + e.instanceId().getAsLong() : null;
        return new ConnectorException(ConnectorException.Kind.CORRUPT, file.fileName() + " is no valid IFC file: " + e.reason(),
                new Position(e.line(), -1, e.offset(), entity), e);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover temporary file in the download folder is removed with that folder
        }
    }
}
