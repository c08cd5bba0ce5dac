package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Element;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {
    private static final String IFC = "IfcRoot";
    private static final String WALL = "IFC:IfcWall";
    private static final String SLAB = "IFC:IfcSlab";

    /** A stand-in checksum: distinct labels give distinct 64-hex values. */
    private static String sum(String label) {
        return Hashes.sha256Hex(label.getBytes(StandardCharsets.UTF_8));
    }

    private static Diff.Counts counts(int byIdentifier, int byContent, int inserted, int updated, int deleted, int unchanged) {
        return new Diff.Counts(byIdentifier, byContent, inserted, updated, deleted, unchanged);
    }

    @Test
    void keyInObservedOnlyIsInserted() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.observed(IFC, "a", WALL, sum("A"), sum("cA"));
        diff.observed(IFC, "n", WALL, sum("N"), sum("cN"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Insert(1, IFC, "n")), result.inserts());
        assertEquals(counts(1, 0, 1, 0, 0, 1), result.counts());
        assertFalse(result.isEmpty());
    }

    @Test
    void keyInBothWithEqualChecksumsIsUnchanged() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.observed(IFC, "a", WALL, sum("A").toUpperCase(), sum("cA"));
        Diff.Result result = diff.finish(true);
        assertEquals(counts(1, 0, 0, 0, 0, 1), result.counts());
        assertTrue(result.isEmpty(), "no changeset for a task without changes");
        assertEquals(List.of(), result.inserts());
        assertEquals(List.of(), result.updates());
        assertArrayEquals(new long[0], result.deletes());
    }

    @Test
    void observedUnchangedRecordsOnlyAnUnchangedElementAndLeavesTheRestToObserved() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.stored(0x21, IFC, "b", WALL, sum("B"), sum("cB"));
        diff.stored(0x22, IFC, "c", WALL, sum("C"), sum("cC"));
        assertEquals(-1, diff.observedUnchanged(IFC, "b", WALL, sum("B2")), "another checksum: not unchanged");
        assertEquals(-1, diff.observedUnchanged(IFC, "c", SLAB, sum("C")), "another class: not unchanged");
        assertEquals(-1, diff.observedUnchanged(IFC, "n", WALL, sum("N")), "not stored: not unchanged");
        assertEquals(0, diff.observedUnchanged(IFC, "a", WALL, sum("A").toUpperCase()));
        assertEquals(1, diff.observed(IFC, "b", WALL, sum("B2"), sum("cB2")));
        assertEquals(2, diff.observed(IFC, "c", SLAB, sum("C"), sum("cC")));
        assertEquals(3, diff.observed(IFC, "n", WALL, sum("N"), sum("cN")));
        assertEquals(-1, diff.observedUnchanged(IFC, "a", WALL, sum("A")), "already observed: left to observed, which refuses it");
        assertThrows(IllegalArgumentException.class, () -> diff.observed(IFC, "a", WALL, sum("A"), sum("cA")));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Update(0x21, 1, IFC, "b", false)), result.updates());
        assertEquals(List.of(new Diff.Insert(3, IFC, "n")), result.inserts());
        assertEquals(List.of(new Diff.ClassChange(0x22, WALL, 2, IFC, "c", SLAB)), result.classChanges());
        assertEquals(1, result.counts().unchanged());
    }

    @Test
    void observedUnchangedTakesTheChecksumAsItsBytesToo() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.stored(0x21, IFC, "b", WALL, sum("B"), sum("cB"));
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertEquals(-1, diff.observedUnchanged(IFC, "b", WALL, hex.parseHex(sum("B2"))), "another checksum: not unchanged");
        assertEquals(0, diff.observedUnchanged(IFC, "a", WALL, hex.parseHex(sum("A"))));
        assertThrows(IllegalArgumentException.class, () -> diff.observedUnchanged(IFC, "b", WALL, new byte[31]));
        assertEquals(1, diff.observed(IFC, "b", WALL, sum("B2"), sum("cB2")));
        Diff.Result result = diff.finish(true);
        assertEquals(1, result.counts().unchanged());
        assertEquals(List.of(new Diff.Update(0x21, 1, IFC, "b", false)), result.updates());
    }

    @Test
    void observedUnchangedByFingerprintNeedsTheFingerprintStoredWithTheElement() {
        Diff diff = new Diff();
        Fingerprint fa = new Fingerprint(1, 2);
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"), fa);
        diff.stored(0x21, IFC, "b", WALL, sum("B"), sum("cB"), new Fingerprint(3, 4));
        diff.stored(0x22, IFC, "c", WALL, sum("C"), sum("cC"));
        diff.stored(0x23, IFC, "d", WALL, sum("D"), sum("cD"), new Fingerprint(7, 8));
        assertEquals(-1, diff.observedUnchanged(IFC, "b", WALL, new Fingerprint(3, 5)), "another fingerprint: left to the checksum");
        assertEquals(-1, diff.observedUnchanged(IFC, "c", WALL, new Fingerprint(5, 6)), "stored without one: left to the checksum");
        assertEquals(-1, diff.observedUnchanged(IFC, "d", SLAB, new Fingerprint(7, 8)), "another class");
        assertEquals(-1, diff.observedUnchanged(IFC, "n", WALL, fa), "not stored");
        assertEquals(0, diff.observedUnchanged(IFC, "a", WALL, fa));
        assertEquals(-1, diff.observedUnchanged(IFC, "a", WALL, fa), "already observed");
        assertEquals(1, diff.observedUnchanged(IFC, "b", WALL, java.util.HexFormat.of().parseHex(sum("B"))), "the checksum still decides");
        assertEquals(2, diff.observed(IFC, "c", WALL, sum("C2"), sum("cC2")));
        Diff.Result result = diff.finish(true);
        assertEquals(2, result.counts().unchanged());
        assertEquals(List.of(new Diff.Update(0x22, 2, IFC, "c", false)), result.updates());
        assertEquals(1, result.deletes().length, "d was not observed");
    }

    /** @return the checksum and content checksum of {@code name} as the eight words a state file holds */
    private static long[] words(String name) {
        long[] words = new long[8];
        String a = sum(name);
        String b = sum("c" + name);
        for (int i = 0; i < 4; i++) {
            words[i] = Long.parseUnsignedLong(a, 16 * i, 16 * i + 16, 16);
            words[4 + i] = Long.parseUnsignedLong(b, 16 * i, 16 * i + 16, 16);
        }
        return words;
    }

    @Test
    void aStateFedAsWordsClassifiesAsOneFedAsHexInAnyOrder() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, words("A"), null);
        diff.stored(0x21, IFC, "b", WALL, words("B"), new Fingerprint(1, 1));
        diff.stored(0x22, IFC, "c", WALL, words("C"), null);
        diff.stored(0x23, IFC, "d", WALL, words("D"), null);
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertEquals(0, diff.observedUnchanged(IFC, "b", WALL, new Fingerprint(1, 1)), "not the next stored element: looked up");
        assertEquals(1, diff.observed(IFC, "a", WALL, sum("A2"), sum("cA2")));
        assertEquals(2, diff.observedUnchanged(IFC, "c", WALL, hex.parseHex(sum("C"))));
        assertEquals(3, diff.observed(IFC, "n", WALL, sum("N"), sum("cN")));
        assertThrows(IllegalArgumentException.class, () -> diff.observed(IFC, "c", WALL, sum("C"), sum("cC")), "c twice");
        Diff.Result result = diff.finish(false);
        assertEquals(List.of(new Diff.Update(0x20, 1, IFC, "a", false)), result.updates());
        assertEquals(List.of(new Diff.Insert(3, IFC, "n")), result.inserts());
        assertEquals(2, result.counts().unchanged());
        assertEquals(1, result.deletes().length);
        assertEquals(0x23, result.deletes()[0]);
    }

    @Test
    void aKeyFedTwiceAsWordsIsFoundWhenAKeyIsLookedUp() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, words("A"), null);
        diff.stored(0x21, IFC, "a", WALL, words("A"), null);
        assertEquals(0, diff.observedUnchanged(IFC, "a", WALL, java.util.HexFormat.of().parseHex(sum("A"))), "the next one: no lookup");
        assertThrows(IllegalArgumentException.class, () -> diff.observed(IFC, "x", WALL, sum("X"), sum("cX")));
    }

    @Test
    void aRecordDigestKeepsOnlyTheNextStoredElementWithThatKeyAndDigest() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, words("A"), null);
        diff.stored(0x21, IFC, "b", WALL, words("B"), null);
        diff.stored(0x22, IFC, "c", WALL, words("C"), null);
        diff.stored(0x23, IFC, "d", WALL, words("D"), null);
        diff.storedRecord(0, 1, 1);
        diff.storedRecord(2, 3, 3);
        diff.storedRecord(3, 4, 4);
        assertEquals(-1, diff.observedRecord(IFC, "a", 1, 2), "another digest");
        assertEquals(-1, diff.observedRecord("Row", "a", 1, 1), "another kind");
        assertEquals(-1, diff.observedRecord(IFC, "c", 3, 3), "not the next stored element");
        assertEquals(0, diff.observedRecord(IFC, "a", 1, 1));
        assertEquals(-1, diff.observedRecord(IFC, "b", 2, 2), "stored without a digest");
        assertEquals(1, diff.observed(IFC, "b", WALL, sum("B2"), sum("cB2")));
        assertEquals(2, diff.observedRecord(IFC, "c", 3, 3));
        Diff.Result result = diff.finish(false);
        assertEquals(List.of(new Diff.Update(0x21, 1, IFC, "b", false)), result.updates());
        assertEquals(2, result.counts().unchanged());
        assertEquals(1, result.deletes().length, "d was never observed");
        assertEquals(List.of(0, 1, 2, -1), List.of(diff.storedObserved(0), diff.storedObserved(1), diff.storedObserved(2), diff.storedObserved(3)));
        Diff none = new Diff();
        none.stored(0x20, IFC, "a", WALL, words("A"), null);
        assertEquals(-1, none.observedRecord(IFC, "a", 0, 0), "no digests stored at all");
    }

    @Test
    void anUpdatedElementInFileOrderNeedsNoKeyLookup() {
        Diff diff = new Diff();
        // "b" is fed twice: a key lookup would find that (IllegalArgumentException), so none may happen
        diff.stored(0x20, IFC, "a", WALL, words("A"), new Fingerprint(1, 1));
        diff.stored(0x21, IFC, "b", WALL, words("B"), null);
        diff.stored(0x22, IFC, "b", WALL, words("B"), null);
        assertEquals(-1, diff.observedUnchanged(IFC, "a", WALL, new Fingerprint(2, 2)), "another fingerprint");
        assertEquals(-1, diff.observedUnchanged(IFC, "a", WALL, java.util.HexFormat.of().parseHex(sum("A2"))), "another checksum");
        assertEquals(0, diff.observed(IFC, "a", WALL, sum("A2"), sum("cA2")));
        assertEquals(1, diff.observedUnchanged(IFC, "b", WALL, java.util.HexFormat.of().parseHex(sum("B"))), "the next one");
    }

    @Test
    void keyInBothWithDifferentChecksumsAndSameClassIsUpdatedInPlace() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.stored(0x21, IFC, "b", WALL, sum("B"), sum("cB"));
        diff.observed(IFC, "b", WALL, sum("B2"), sum("cB2"));
        diff.observed(IFC, "a", WALL, sum("A"), sum("cA"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Update(0x21, 0, IFC, "b", false)), result.updates());
        assertEquals(counts(2, 0, 0, 1, 0, 1), result.counts());
    }

    @Test
    void keyInBothWithAnotherClassIsDeletedAndInsertedKeepingItsGuid() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.observed(IFC, "a", SLAB, sum("A"), sum("cA"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.ClassChange(0x20, WALL, 0, IFC, "a", SLAB)), result.classChanges());
        assertEquals(List.of(), result.inserts());
        assertArrayEquals(new long[0], result.deletes());
        assertEquals(counts(0, 0, 1, 0, 1, 0), result.counts());
    }

    @Test
    void keyInStoredOnlyIsDeleted() {
        Diff diff = new Diff();
        diff.stored(0x30, IFC, "c", WALL, sum("C"), sum("cC"));
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.stored(0x25, IFC, "b", WALL, sum("B"), sum("cB"));
        diff.observed(IFC, "b", WALL, sum("B"), sum("cB"));
        Diff.Result result = diff.finish(true);
        assertArrayEquals(new long[] {0x20, 0x30}, result.deletes(), "ascending element ids");
        assertEquals(counts(1, 0, 0, 0, 2, 1), result.counts());
    }

    @Test
    void renumberedIdentifiersWithEqualContentAreRematched() {
        Diff diff = new Diff();
        diff.stored(0x20, "Entity", "1F", "DXF:LINE", sum("L1"), sum("cL1"));
        diff.stored(0x21, "Entity", "20", "DXF:LINE", sum("L2"), sum("cL2"));
        diff.stored(0x22, "Entity", "21", "DXF:CIRCLE", sum("C1"), sum("cC1"));
        diff.observed("Entity", "2F", "DXF:LINE", sum("L2"), sum("cL2"));
        diff.observed("Entity", "30", "DXF:LINE", sum("L1"), sum("cL1"));
        diff.observed("Entity", "31", "DXF:CIRCLE", sum("C1-moved"), sum("cC1"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(
                new Diff.Rematch(0x21, "Entity", "20", 0, "2F", true),
                new Diff.Rematch(0x20, "Entity", "1F", 1, "30", true),
                new Diff.Rematch(0x22, "Entity", "21", 2, "31", false)), result.rematches());
        assertEquals(List.of(new Diff.Update(0x22, 2, "Entity", "31", true)), result.updates());
        assertEquals(List.of(), result.inserts());
        assertArrayEquals(new long[0], result.deletes());
        assertEquals(counts(0, 3, 0, 1, 0, 2), result.counts());
        assertEquals(Map.of("2F", "20", "30", "1F", "31", "21"), result.previousIdentifiers());
    }

    @Test
    void withoutRematchingRenumberedElementsAreDeletedAndInserted() {
        Diff diff = new Diff();
        diff.stored(0x20, "Row", "k1", "CSV:Row", sum("R"), sum("cR"));
        diff.observed("Row", "k2", "CSV:Row", sum("R"), sum("cR"));
        Diff.Result result = diff.finish(false);
        assertEquals(List.of(new Diff.Insert(0, "Row", "k2")), result.inserts());
        assertArrayEquals(new long[] {0x20}, result.deletes());
        assertEquals(List.of(), result.rematches());
        assertEquals(counts(0, 0, 1, 0, 1, 0), result.counts());
    }

    @Test
    void ambiguousContentIsNotPaired() {
        Diff diff = new Diff();
        // two identical stored lines, one observed: ambiguous on the stored side
        diff.stored(0x20, "Entity", "A1", "DXF:LINE", sum("same"), sum("cSame"));
        diff.stored(0x21, "Entity", "A2", "DXF:LINE", sum("same"), sum("cSame"));
        // one stored circle, two identical observed: ambiguous on the observed side
        diff.stored(0x22, "Entity", "C1", "DXF:CIRCLE", sum("circle"), sum("cCircle"));
        // an unambiguous pair beside them is still made
        diff.stored(0x23, "Entity", "E1", "DXF:ARC", sum("arc"), sum("cArc"));
        diff.observed("Entity", "B1", "DXF:LINE", sum("same"), sum("cSame"));
        diff.observed("Entity", "D1", "DXF:CIRCLE", sum("circle"), sum("cCircle"));
        diff.observed("Entity", "D2", "DXF:CIRCLE", sum("circle"), sum("cCircle"));
        diff.observed("Entity", "F1", "DXF:ARC", sum("arc"), sum("cArc"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Rematch(0x23, "Entity", "E1", 3, "F1", true)), result.rematches());
        assertEquals(List.of(new Diff.Insert(0, "Entity", "B1"), new Diff.Insert(1, "Entity", "D1"),
                new Diff.Insert(2, "Entity", "D2")), result.inserts());
        assertArrayEquals(new long[] {0x20, 0x21, 0x22}, result.deletes());
        assertEquals(counts(0, 1, 3, 0, 3, 1), result.counts());
    }

    @Test
    void rematchingNeedsTheSameClassAndKind() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        diff.stored(0x21, "Other", "b", SLAB, sum("B"), sum("cB"));
        diff.observed(IFC, "x", SLAB, sum("A"), sum("cA"));
        diff.observed(IFC, "y", SLAB, sum("B"), sum("cB"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(), result.rematches());
        assertEquals(counts(0, 0, 2, 0, 2, 0), result.counts());
    }

    @Test
    void onlyUnmatchedElementsTakePartInRematching() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cSame"));
        diff.stored(0x21, IFC, "b", WALL, sum("B"), sum("cSame"));
        diff.observed(IFC, "a", WALL, sum("A"), sum("cSame")); // matched by identifier, not a candidate
        diff.observed(IFC, "n", WALL, sum("B"), sum("cSame"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Rematch(0x21, IFC, "b", 1, "n", true)), result.rematches());
        assertEquals(counts(1, 1, 0, 0, 0, 2), result.counts());
    }

    @Test
    void allCasesTogether() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "same", WALL, sum("1"), sum("c1"));
        diff.stored(0x21, IFC, "changed", WALL, sum("2"), sum("c2"));
        diff.stored(0x22, IFC, "reclassed", WALL, sum("3"), sum("c3"));
        diff.stored(0x23, IFC, "gone", WALL, sum("4"), sum("c4"));
        diff.stored(0x24, IFC, "renamed-old", WALL, sum("5"), sum("c5"));
        diff.observed(IFC, "new", WALL, sum("6"), sum("c6"));
        diff.observed(IFC, "renamed-new", WALL, sum("5"), sum("c5"));
        diff.observed(IFC, "reclassed", SLAB, sum("3b"), sum("c3b"));
        diff.observed(IFC, "changed", WALL, sum("2b"), sum("c2b"));
        diff.observed(IFC, "same", WALL, sum("1"), sum("c1"));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Insert(0, IFC, "new")), result.inserts());
        assertEquals(List.of(new Diff.Update(0x21, 3, IFC, "changed", false)), result.updates());
        assertEquals(List.of(new Diff.ClassChange(0x22, WALL, 2, IFC, "reclassed", SLAB)), result.classChanges());
        assertArrayEquals(new long[] {0x23}, result.deletes());
        assertEquals(List.of(new Diff.Rematch(0x24, IFC, "renamed-old", 1, "renamed-new", true)), result.rematches());
        assertEquals(counts(2, 1, 2, 1, 2, 2), result.counts());
    }

    @Test
    void referencesToRematchedElementsAreConfirmedWithRenamedChecksums() {
        // an IFC exporter re-mints the storey's GlobalId; the wall keeps its own but refers to the new storey id
        Element storeyBefore = Element.builder(IFC, "storey-old", "IFC:IfcBuildingStorey").userLabel("Level 1").build();
        Element wallBefore = Element.builder(IFC, "wall", WALL).parent("storey-old")
                .placement(Placement.at(new Point3(1, 2, 3), null)).build();
        Element storeyAfter = Element.builder(IFC, "storey-new", "IFC:IfcBuildingStorey").userLabel("Level 1").build();
        Element wallAfter = Element.builder(IFC, "wall", WALL).parent("storey-new")
                .placement(Placement.at(new Point3(1, 2, 3), null)).build();

        Diff diff = new Diff();
        feedStored(diff, 0x20, storeyBefore);
        feedStored(diff, 0x21, wallBefore);
        feedObserved(diff, storeyAfter);
        feedObserved(diff, wallAfter);
        Diff.Result result = diff.finish(true);

        assertEquals(List.of(new Diff.Rematch(0x20, IFC, "storey-old", 0, "storey-new", true)), result.rematches());
        assertEquals(List.of(new Diff.Update(0x21, 1, IFC, "wall", false)), result.updates(),
                "the wall's checksum names the new storey identifier");
        Map<String, String> previous = result.previousIdentifiers();
        assertEquals(ElementContent.checksum(wallBefore), ElementContent.checksum(wallAfter, id -> previous.getOrDefault(id, id)),
                "with references renamed the wall is unchanged");
    }

    private static void feedStored(Diff diff, long id, Element e) {
        ElementContent.Checksums sums = ElementContent.checksums(e);
        diff.stored(id, e.kind(), e.identifier(), e.classFullName(), sums.checksum(), sums.contentChecksum());
    }

    private static void feedObserved(Diff diff, Element e) {
        ElementContent.Checksums sums = ElementContent.checksums(e);
        diff.observed(e.kind(), e.identifier(), e.classFullName(), sums.checksum(), sums.contentChecksum());
    }

    @Test
    void rejectsMisuse() {
        Diff diff = new Diff();
        diff.stored(0x20, IFC, "a", WALL, sum("A"), sum("cA"));
        assertThrows(IllegalArgumentException.class, () -> diff.stored(0x21, IFC, "a", WALL, sum("A"), sum("cA")));
        assertThrows(IllegalArgumentException.class, () -> diff.stored(0x21, IFC, "b", WALL, "abc", sum("cA")));
        assertThrows(IllegalArgumentException.class, () -> diff.stored(0x21, IFC, "b", WALL, "+" + sum("A").substring(1), sum("cA")));
        diff.observed(IFC, "a", WALL, sum("A"), sum("cA"));
        diff.observed(IFC, "n", WALL, sum("N"), sum("cN"));
        assertThrows(IllegalArgumentException.class, () -> diff.observed(IFC, "a", WALL, sum("A"), sum("cA")));
        assertThrows(IllegalArgumentException.class, () -> diff.observed(IFC, "n", WALL, sum("N"), sum("cN")));
        assertThrows(IllegalStateException.class, () -> diff.stored(0x22, IFC, "c", WALL, sum("C"), sum("cC")));
        diff.finish(true);
        assertThrows(IllegalStateException.class, () -> diff.finish(true));
        assertThrows(IllegalStateException.class, () -> diff.observed(IFC, "z", WALL, sum("Z"), sum("cZ")));
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        Diff diff = new Diff();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            diff.stored(0x20 + i, "Row", "k" + i, "CSV:Row", sum("v" + i), sum("c" + i));
        }
        // every 10th renamed (content equal), every 7th changed, the last 100 new
        for (int i = 0; i < n; i++) {
            String key = i % 10 == 0 ? "r" + i : "k" + i;
            String value = i % 7 == 0 && i % 10 != 0 ? "w" + i : "v" + i;
            diff.observed("Row", key, "CSV:Row", sum(value), sum(i % 7 == 0 && i % 10 != 0 ? "d" + i : "c" + i));
        }
        for (int i = n; i < n + 100; i++) {
            diff.observed("Row", "k" + i, "CSV:Row", sum("v" + i), sum("c" + i));
        }
        Diff.Result result = diff.finish(true);
        int renamed = n / 10;
        int changed = 0;
        for (int i = 0; i < n; i++) {
            if (i % 7 == 0 && i % 10 != 0) {
                changed++;
            }
        }
        assertEquals(counts(n - renamed, renamed, 100, changed, 0, n - changed), result.counts());
        assertEquals(100, result.inserts().size());
        assertEquals(n, result.inserts().get(0).ordinal());
    }
}
