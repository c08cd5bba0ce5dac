package io.sinter.connector.ifc.internal.step;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: fixture files under {@code src/test/resources/step} and small in-memory files. */
final class Fixtures {

    /** A valid header and the start of the DATA section: 7 lines, the first instance is on line 8. */
    static final String HEADER = "ISO-10303-21;\n"
            + "HEADER;\n"
            + "FILE_DESCRIPTION(('test'),'2;1');\n"
            + "FILE_NAME('test.ifc','2024-01-01T00:00:00',(''),(''),'','','');\n"
            + "FILE_SCHEMA(('IFC4'));\n"
            + "ENDSEC;\n"
            + "DATA;\n";
    static final String FOOTER = "ENDSEC;\nEND-ISO-10303-21;\n";

    private Fixtures() {
    }

    static Path resource(String name) {
        URL url = Fixtures.class.getResource("/step/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource step/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a file with the standard header, {@code data} as DATA section, and the footer */
    static byte[] file(String data) {
        return (HEADER + data + FOOTER).getBytes(StandardCharsets.UTF_8);
    }

    static List<StepInstance> readAll(InputStream in) throws IOException, StepSyntaxException {
        try (StepReader reader = new StepReader(in)) {
            List<StepInstance> instances = new ArrayList<>();
            for (StepInstance instance; (instance = reader.next()) != null; ) {
                instances.add(instance);
            }
            return instances;
        }
    }

    static List<StepInstance> readAll(byte[] bytes) throws IOException, StepSyntaxException {
        return readAll(new ByteArrayInputStream(bytes));
    }

    /** Reads with the given lexer buffer size and a source that hands out at most {@code chunk} bytes a call. */
    static List<StepInstance> readAll(byte[] bytes, int bufferSize, int chunk) throws IOException, StepSyntaxException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ByteSource source = (target, offset, length) -> in.read(target, offset, Math.min(length, chunk));
        StepParser parser = new StepParser(new StepLexer(source, bufferSize), new NameTable(), new InstanceIndex(false));
        parser.readHeader();
        List<StepInstance> instances = new ArrayList<>();
        while (parser.nextInstance()) {
            instances.add(parser.readBody());
        }
        return instances;
    }
}
