package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedPathsTest {

    private static Map<String, Object> wall(double height, double top, String checksum) {
        Map<String, Object> element = new HashMap<>();
        element.put("id", "0x2b");
        element.put("classFullName", "IFC:IfcWall");
        element.put("parentId", null);
        element.put("placement", Map.of(
                "origin", List.of(0, 0, 0),
                "rotation", List.of(List.of(1, 0, 0), List.of(0, 1, 0), List.of(0, 0, 1)),
                "bbox", Map.of("low", List.of(0, 0, 0), "high", List.of(5, 0.2, top))));
        element.put("properties", Map.of(
                "Qto_WallBaseQuantities", Map.of("Height", height, "Length", 5.0),
                "Pset_WallCommon", Map.of("IsExternal", true)));
        element.put("relationships", List.of(Map.of("type", "IfcRelContainedInSpatialStructure", "targetId", "0x22")));
        element.put("provenance", Map.of("sourceFileId", "f", "identifier", "2O2Fr$t4X7Zf8NOew3FLOH", "checksum", checksum));
        return element;
    }

    @Test
    void wallHeightChangeOfSection82() {
        assertEquals(List.of("/placement/bbox", "/properties/Qto_WallBaseQuantities/Height"),
                ChangedPaths.between(wall(3.0, 3.0, "aa"), wall(1.5, 1.5, "bb")));
    }

    @Test
    void equalElementsHaveNoChangedPaths() {
        assertEquals(List.of(), ChangedPaths.between(wall(3.0, 3.0, "aa"), wall(3, 3, "aa")));
    }

    @Test
    void arraysAreComparedWhole() {
        Map<String, Object> before = Map.of("placement", Map.of("origin", List.of(0, 0, 0)));
        Map<String, Object> after = Map.of("placement", Map.of("origin", List.of(0, 0, 1)));
        assertEquals(List.of("/placement/origin"), ChangedPaths.between(before, after));
    }

    @Test
    void addedAndRemovedMembersAreReportedByTheirLeaves() {
        Map<String, Object> before = Map.of("properties", Map.of(
                "Pset_WallCommon", Map.of("IsExternal", true),
                "Pset_Old", Map.of("A", 1)));
        Map<String, Object> after = Map.of("properties", Map.of(
                "Pset_WallCommon", Map.of("IsExternal", false, "FireRating", "REI60"),
                "Pset_New", Map.of("B", 2, "C", Map.of("D", "x"))));
        assertEquals(List.of(
                "/properties/Pset_New/B",
                "/properties/Pset_New/C/D",
                "/properties/Pset_Old/A",
                "/properties/Pset_WallCommon/FireRating",
                "/properties/Pset_WallCommon/IsExternal"), ChangedPaths.between(before, after));
    }

    @Test
    void anObjectReplacingNullIsOneChange() {
        Map<String, Object> before = new HashMap<>();
        before.put("placement", null);
        Map<String, Object> after = Map.of("placement", Map.of("origin", List.of(0, 0, 0)));
        assertEquals(List.of("/placement"), ChangedPaths.between(before, after));
    }

    @Test
    void escapesPointerTokens() {
        Map<String, Object> before = Map.of("properties", Map.of("a/b", Map.of("m~n", 1)));
        Map<String, Object> after = Map.of("properties", Map.of("a/b", Map.of("m~n", 2)));
        assertEquals(List.of("/properties/a~1b/m~0n"), ChangedPaths.between(before, after));
    }

    @Test
    void numbersCompareByValue() {
        assertEquals(List.of(), ChangedPaths.between(Map.of("p", 3L), Map.of("p", 3.0)));
        assertEquals(List.of("/p"), ChangedPaths.between(Map.of("p", 3L), Map.of("p", "3")));
    }
}
