package io.sinter.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinter.core.api.ElementService.ChangeInfo;
import io.sinter.core.api.ElementService.ElementInfo;
import io.sinter.core.api.ElementService.Provenance;
import io.sinter.core.api.ServiceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementsWireTest {
    private static final ElementInfo ELEMENT = new ElementInfo("0x20", "g", "CSV:parts", "0x10", "CSV", null, "P1", "Pump", null,
            Map.of(), List.of(), new Provenance("doc", "P1", "Row", null, "sum"));

    @Test
    void changesetIndexIsANonNegativeInteger() {
        assertNull(ElementsResource.changesetIndex(null));
        assertEquals(0, ElementsResource.changesetIndex("0"));
        assertEquals(12, ElementsResource.changesetIndex(" 12 "));
        for (String bad : List.of("-1", "x", "1.5", "")) {
            ServiceException e = assertThrows(ServiceException.class, () -> ElementsResource.changesetIndex(bad));
            assertEquals("InvalidiModelsRequest", e.code());
            assertEquals("changesetIndex", e.details().get(0).target());
        }
    }

    @Test
    void operationIsOneOfThreeInAnyCase() {
        assertEquals("updated", ChangesResource.operation("Updated"));
        assertNull(ChangesResource.operation(null));
        assertEquals("operation", assertThrows(ServiceException.class, () -> ChangesResource.operation("moved")).target());
    }

    @Test
    void minimalFormsLeaveOutTheRest() {
        assertEquals(List.of("id", "classFullName", "modelId", "category", "userLabel", "codeValue"),
                List.copyOf(ElementsResource.minimal(ELEMENT).keySet()));
        ChangeInfo change = new ChangeInfo("0x20", "inserted", "CSV:parts", "0x10", "P1", List.of(), null, ELEMENT);
        assertEquals(List.of("elementId", "operation", "classFullName", "modelId", "identifier", "changedProperties"),
                List.copyOf(ChangesResource.change(change, false).keySet()));
        Map<String, Object> full = ChangesResource.change(change, true);
        assertNull(full.get("before"));
        assertEquals("0x20", ((Map<?, ?>) full.get("after")).get("id"));
        assertEquals(List.of("id", "federationGuid", "classFullName", "modelId", "category", "parentId", "codeValue", "userLabel",
                "placement", "properties", "relationships", "provenance"), List.copyOf(ELEMENT.toJson().keySet()));
    }
}
