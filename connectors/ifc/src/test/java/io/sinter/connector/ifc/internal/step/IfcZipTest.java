package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IfcZipTest {

    @TempDir
    Path temp;

    @Test
    void streamsTheSingleIfcEntry() throws Exception {
        byte[] model = Files.readAllBytes(Fixtures.resource("descending.ifc"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "not a model".getBytes());
        entries.put("__MACOSX/models/._house.ifc", new byte[] {0, 5, 22, 7});
        entries.put("models/", new byte[0]);
        entries.put("models/House.IFC", model);
        Path archive = zip("house.ifczip", entries);

        assertEquals("models/House.IFC", IfcZip.ifcEntryName(archive));
        try (InputStream in = IfcZip.openIfcEntry(archive)) {
            List<StepInstance> instances = Fixtures.readAll(in);
            assertEquals(Fixtures.readAll(model), instances);
        }
    }

    @Test
    void extractsForRandomAccess() throws Exception {
        Path archive = zip("house.ifczip", Map.of("house.ifc", Files.readAllBytes(Fixtures.resource("complex.ifc"))));
        Path extracted = temp.resolve("house.ifc");
        IfcZip.extractIfcEntry(archive, extracted);
        try (StepFile file = StepFile.open(extracted)) {
            assertEquals(4, file.instanceCount());
            assertTrue(file.instance(11).isComplex());
        }
    }

    @Test
    void refusesArchivesWithoutOrWithSeveralModels() throws Exception {
        Path none = zip("none.ifczip", Map.of("readme.txt", "x".getBytes()));
        ZipException e = assertThrows(ZipException.class, () -> IfcZip.openIfcEntry(none));
        assertTrue(e.getMessage().endsWith("holds no .ifc file"), e.getMessage());

        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.ifc", Fixtures.file(""));
        two.put("b/c.ifc", Fixtures.file(""));
        Path several = zip("several.ifczip", two);
        e = assertThrows(ZipException.class, () -> IfcZip.ifcEntryName(several));
        assertTrue(e.getMessage().endsWith("holds 2 .ifc files, expected one: [a.ifc, b/c.ifc]"), e.getMessage());
    }

    @Test
    void refusesFilesThatAreNotZipArchives() throws Exception {
        Path notZip = Files.write(temp.resolve("plain.ifczip"), Fixtures.file(""));
        assertThrows(ZipException.class, () -> IfcZip.openIfcEntry(notZip));
    }

    @Test
    void reportsSyntaxErrorsOfTheZippedModel() throws Exception {
        Path archive = zip("broken.ifczip", Map.of("broken.ifc",
                Files.readAllBytes(Fixtures.resource("broken/truncated.ifc"))));
        try (InputStream in = IfcZip.openIfcEntry(archive)) {
            StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(in));
            assertEquals(10, e.line());
        }
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path archive = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return archive;
    }
}
