package io.sinter.connector.dxf.internal;

import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.ConnectorType;
import io.sinter.connector.api.Position;
import io.sinter.connector.api.SourceFile;
import io.sinter.connector.dxf.internal.reader.DxfDrawing;
import io.sinter.connector.dxf.internal.reader.DxfPosition;
import io.sinter.connector.dxf.internal.reader.DxfReader;
import io.sinter.connector.dxf.internal.reader.DxfSyntaxException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * The DXF connector (connector types {@code DWG} and {@code DXF}, api.md sections 6.2 and 7.5): streams every
 * model-space entity of an ASCII or binary DXF file as an element of kind {@code Entity} identified by its handle,
 * with geometry in metres.
 *
 * <p>Connector setting {@code unitlessUnit} (default {@code metres}): the unit of a drawing whose {@code $INSUNITS}
 * is 0 or absent, as a name ({@code mm}, {@code millimetres}, {@code inches}, ...) or a DXF unit code (1 to 21).
 *
 * <p>Connector setting {@code spaces} (default {@code model}): which spaces become elements, {@code model},
 * {@code paper} or both ({@code model,paper} or {@code all}). Paper-space entities of every layout then carry the
 * attributes {@code space = paper} and {@code layout = <layout name>}; by default they are skipped with one Info
 * issue.
 *
 * <p>Binary DWG files are refused ({@link ConnectorException.Kind#UNSUPPORTED}); malformed DXF fails with
 * {@link ConnectorException.Kind#CORRUPT} and the line (ASCII) or byte offset (binary) plus the group-code pair
 * index.
 */
@Component(service = Connector.class)
@ConnectorType(type = {"DWG", "DXF"}, extensions = {"dxf"}, version = "1", name = "DXF connector")
public final class DxfConnector implements Connector {
    /** Connector setting: the unit of unitless drawings. */
    public static final String UNITLESS_UNIT = "unitlessUnit";
    /** Connector setting: the spaces that become elements ({@code model}, {@code paper}, {@code all}). */
    public static final String SPACES = "spaces";

    /**
     * Re-matched entities count as equal when their geometry agrees within a micrometre. ASCII DXF writers print
     * coordinates with 6 to 16 significant digits, so a re-save (another DXF version, another writer) moves a point
     * of a metre-based drawing by up to 5e-7 m and one of a millimetre-based drawing by far less; a micrometre absorbs
     * that rounding and is far below any drafting precision. It also matches the 1e-6 m rounding of placements in
     * the checksum (api.md section 6.2).
     */
    static final double GEOMETRY_TOLERANCE = 1e-6;

    private static final int DWG_MAGIC_LENGTH = 6;

    private final DxfReader reader = new DxfReader();

    /** Creates the connector; it keeps no state between files. */
    public DxfConnector() {
        // DS component without references or configuration
    }

    @Override
    public double geometryTolerance() {
        return GEOMETRY_TOLERANCE;
    }

    @Override
    public void extract(SourceFile file, ConnectorContext context) throws ConnectorException {
        String setting = file.setting(UNITLESS_UNIT, null);
        Optional<DrawingUnit> unitless = setting == null ? Optional.of(DrawingUnit.METRES) : DrawingUnit.parse(setting);
        long size = file.size() > 0 ? file.size() : -1;
        try (CountingInputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file.path()),
                1 << 16))) {
            refuseDwg(in);
            DxfExtraction extraction = new DxfExtraction(context, unitless.orElse(DrawingUnit.METRES),
                    unitless.isPresent() ? null : setting, Spaces.parse(file.setting(SPACES, null)), in::count, size);
            DxfDrawing drawing = reader.read(in, extraction);
            extraction.finish(drawing);
        } catch (DxfSyntaxException e) {
            DxfPosition at = e.position();
            throw new ConnectorException(ConnectorException.Kind.CORRUPT, e.detail() + " (group-code pair "
                    + at.pairIndex() + ")", new Position(at.line(), -1, at.byteOffset(), null), e);
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Kind.CORRUPT, "The file cannot be read: " + e.getMessage(),
                    Position.UNKNOWN, e);
        }
    }

    /** DWG files start with their version, {@code AC1012} to {@code AC1032}; say so instead of a syntax error. */
    private static void refuseDwg(InputStream in) throws IOException, ConnectorException {
        in.mark(DWG_MAGIC_LENGTH);
        byte[] magic = in.readNBytes(DWG_MAGIC_LENGTH);
        in.reset();
        if (magic.length == DWG_MAGIC_LENGTH && magic[0] == 'A' && magic[1] == 'C' && Character.isDigit(magic[2])
                && Character.isDigit(magic[3]) && Character.isDigit(magic[4]) && Character.isDigit(magic[5])) {
            String version = new String(magic, StandardCharsets.ISO_8859_1);
            throw new ConnectorException(ConnectorException.Kind.UNSUPPORTED, "This is a binary DWG drawing (" + version
                    + "), not DXF; the connector reads DXF only: save or export the drawing as DXF.",
                    Position.offset(0));
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;
        private long mark;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = mark;
        }
    }
}
