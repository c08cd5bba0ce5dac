package io.sinter.connector.csv.internal;

import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.ConnectorType;
import io.sinter.connector.api.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.osgi.service.component.annotations.Component;

/**
 * The CSV connector: one element of kind {@code Row} per data row of a delimited text file with a header
 * row (api.md sections 6.2 and 7.5).
 *
 * <ul>
 *   <li>identifier and {@code codeValue}: the key column's value (setting {@code keyColumn}, else the first
 *       header named {@code id}, {@code guid}, {@code key}, {@code ExtIdentifier}, {@code GlobalId} or
 *       {@code tag}, else the first column); rows with an empty key are dropped with an Error issue;</li>
 *   <li>{@code classFullName}: {@code CSV:<class>} from the column named by setting {@code classColumn}, else
 *       a column named {@code class} or {@code type}, else the file's base name; reduced to ASCII letters,
 *       digits and {@code _} ({@code CSV:Row} when empty);</li>
 *   <li>{@code category}: the value of the column named by setting {@code categoryColumn}, else {@code CSV};</li>
 *   <li>{@code userLabel}: the {@code name} column; placement: a point from {@code x}/{@code y}/{@code z}
 *       (or {@code easting}/{@code northing}/{@code elevation}) in the unit of setting {@code unit};</li>
 *   <li>properties: every non-empty cell under {@code Columns}, typed as described in {@link CellValues}.</li>
 * </ul>
 *
 * Other settings: {@code delimiter} ({@code ,} {@code ;} {@code tab} {@code |}; detected by default),
 * {@code encoding} (a Java charset name; UTF-8 by default) and {@code decimalSeparator} ({@code .} or
 * {@code ,}). The component is stateless; each call works on its own {@link CsvExtraction}.
 */
@Component(service = Connector.class)
@ConnectorType(type = {"CSV", "SHELLEDWCSV"}, extensions = {"csv", "tsv", "txt"}, version = "1", name = "CSV connector")
public final class CsvConnector implements Connector {

    /** Creates the stateless connector. */
    public CsvConnector() {
        // nothing to set up
    }

    @Override
    public void extract(SourceFile file, ConnectorContext context) throws ConnectorException {
        CsvSettings settings = CsvSettings.of(file);
        try {
            new CsvExtraction(file, settings, context).run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local copy " + file.path() + " of " + file.fileName(), e);
        }
    }
}
