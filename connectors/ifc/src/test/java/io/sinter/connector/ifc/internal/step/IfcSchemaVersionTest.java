package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfcSchemaVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "IFC2X3, IFC2X3", "ifc2x3, IFC2X3", "IFC2X3_TC1, IFC2X3", "IFC2X_FINAL, IFC2X3", "IFC2X2_FINAL, IFC2X3",
        "IFC2X2_ADD1, IFC2X3", "IFC2X, IFC2X3", "' IFC2X3 {1 0 10303 21 2 1 1} ', IFC2X3",
        "IFC4, IFC4", "IFC4_ADD1, IFC4", "IFC4_ADD2, IFC4", "IFC4_ADD2_TC1, IFC4", "IFC4RC4, IFC4",
        "IFC4X1, IFC4X3", "IFC4X2, IFC4X3", "IFC4X3, IFC4X3", "IFC4X3_ADD1, IFC4X3", "IFC4X3_ADD2, IFC4X3",
        "IFC4X3_TC1, IFC4X3", "IFC4X3_RC1, IFC4X3", "IFC4X3_RC4, IFC4X3",
    })
    void recognisesIfcSchemas(String identifier, IfcSchemaVersion expected) {
        assertEquals(Optional.of(expected), IfcSchemaVersion.fromIdentifier(identifier));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "IFC20", "IFC2X4", "IFC4X4", "IFC4X", "IFC4_", "IFC45", "IFC4X3ADD2",
        "AUTOMOTIVE_DESIGN { 1 0 10303 214 1 1 1 1 }", "CONFIG_CONTROL_DESIGN"})
    void doesNotRecogniseOtherSchemas(String identifier) {
        assertEquals(Optional.empty(), IfcSchemaVersion.fromIdentifier(identifier));
    }
}
