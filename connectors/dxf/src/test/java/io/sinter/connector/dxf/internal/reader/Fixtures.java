package io.sinter.connector.dxf.internal.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test support: the small DXF files under {@code src/test/resources/dxf} and a recording visitor. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dxf/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result read(String name) throws Exception {
        return read(bytes(name));
    }

    static Result read(byte[] dxf) throws Exception {
        Recorder recorder = new Recorder();
        DxfDrawing drawing = new DxfReader().read(new ByteArrayInputStream(dxf), recorder);
        return new Result(drawing, recorder.entities, recorder.objects, recorder.events);
    }

    /** What a read produced: the drawing, the streamed records and the order of the callbacks. */
    record Result(DxfDrawing drawing, List<DxfRecord> entities, List<DxfRecord> objects, List<String> events) {
        List<String> entityTypes() {
            return entities.stream().map(DxfRecord::type).toList();
        }

        String warningText() {
            return drawing.warnings().stream().map(DxfWarning::toString).collect(Collectors.joining("\n"));
        }

        DxfRecord entity(String handle) {
            return entities.stream().filter(e -> e.handle().orElse("").equals(handle)).findFirst().orElseThrow();
        }
    }

    static final class Recorder implements DxfVisitor<RuntimeException> {
        final List<DxfRecord> entities = new ArrayList<>();
        final List<DxfRecord> objects = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public void header(DxfHeader header) {
            events.add("header");
        }

        @Override
        public void tables(DxfTables tables) {
            events.add("tables");
        }

        @Override
        public void block(DxfBlock block) {
            events.add("block " + block.name());
        }

        @Override
        public void entity(DxfRecord entity) {
            events.add("entity " + entity.type());
            entities.add(entity);
        }

        @Override
        public void object(DxfRecord object) {
            events.add("object " + object.type());
            objects.add(object);
        }
    }
}
