package io.sinter.core.internal.change;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Not a test: prints how fast {@link Diff} classifies 1,000,000 stored against 1,000,000 observed elements with 1%
 * changed (0.25% each updated, deleted, inserted, and renumbered so that re-matching pairs them), and how fast
 * {@link ElementContent#checksums} hashes IFC-like elements. Run after {@code mvn -o test-compile} with
 * {@code java -Xmx3g -cp target/classes:target/test-classes:../connector-api/target/classes
 * io.sinter.core.internal.change.DiffBenchmark [elements]}.
 */
public final class DiffBenchmark {
    private DiffBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String[] identifiers = new String[n];
        String[] checksums = new String[n];
        String[] contents = new String[n];
        for (int i = 0; i < n; i++) {
            identifiers[i] = String.format("%022d", i);
            checksums[i] = Hashes.sha256Hex(("s" + i).getBytes(StandardCharsets.UTF_8));
            contents[i] = Hashes.sha256Hex(("c" + i).getBytes(StandardCharsets.UTF_8));
        }
        String[] changed = new String[n];
        for (int i = 0; i < n; i += 400) {
            changed[i] = Hashes.sha256Hex(("u" + i).getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf(Locale.ROOT, "input ready: %,d stored, %,d observed, 1%% changed%n", n, n);
        for (int round = 1; round <= 5; round++) {
            System.gc();
            long start = System.nanoTime();
            Diff diff = new Diff();
            for (int i = 0; i < n; i++) {
                if (i % 400 != 399) { // the last quarter-percent are new elements, not stored
                    diff.stored(0x20L + i, "IfcRoot", identifiers[i], "IFC:IfcWall", checksums[i], contents[i]);
                }
            }
            long storedDone = System.nanoTime();
            for (int i = 0; i < n; i++) {
                switch (i % 400) {
                    case 0 -> diff.observed("IfcRoot", identifiers[i], "IFC:IfcWall", changed[i], contents[i]); // updated
                    case 100 -> { } // deleted: not observed
                    case 200 -> diff.observed("IfcRoot", "R" + identifiers[i], "IFC:IfcWall", checksums[i], contents[i]); // renumbered
                    default -> diff.observed("IfcRoot", identifiers[i], "IFC:IfcWall", checksums[i], contents[i]);
                }
            }
            long observedDone = System.nanoTime();
            Diff.Result result = diff.finish(true);
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: stored %.0f ms, observed %.0f ms, finish %.0f ms, total %.0f ms,"
                            + " %,.0f observed elements/s; %s%n",
                    round, (storedDone - start) / 1e6, (observedDone - storedDone) / 1e6, (end - observedDone) / 1e6,
                    seconds * 1e3, n / seconds, result.counts());
            if (round == 5) {
                Runtime rt = Runtime.getRuntime();
                System.gc();
                long withDiff = rt.totalMemory() - rt.freeMemory();
                Reference.reachabilityFence(result); // the result holds the diff's arrays
                result = null;
                diff = null;
                System.gc();
                long inputOnly = rt.totalMemory() - rt.freeMemory();
                System.out.printf(Locale.ROOT, "heap held by the finished diff and its result: about %,d MB%n",
                        (withDiff - inputOnly) >> 20);
            }
        }
        checksumThroughput();
    }

    private static void checksumThroughput() {
        int count = 100_000;
        Element[] elements = new Element[count];
        for (int i = 0; i < count; i++) {
            elements[i] = Element.builder("IfcRoot", "id" + i, "IFC:IfcWall")
                    .parent("storey").codeValue("W-" + i).userLabel("Basic Wall:Generic 200mm:" + i)
                    .placement(new Placement(new Point3(i * 0.37, 12.5, 3.0), null,
                            new Box(new Point3(i * 0.37, 12.4, 3.0), new Point3(i * 0.37 + 5, 12.6, 6.0))))
                    .property("Pset_WallCommon", "IsExternal", i % 2 == 0)
                    .property("Pset_WallCommon", "LoadBearing", true)
                    .property("Pset_WallCommon", "Reference", "Generic 200mm")
                    .property("Qto_WallBaseQuantities", "Length", 5.0)
                    .property("Qto_WallBaseQuantities", "Height", 3.0)
                    .property("Qto_WallBaseQuantities", "Width", 0.2)
                    .property("Qto_WallBaseQuantities", "NetVolume", 2.9999999999999996)
                    .relationship("IfcRelContainedInSpatialStructure", "storey")
                    .relationship("IfcRelAssociatesMaterial", "material-1")
                    .build();
        }
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            int sink = 0;
            for (Element element : elements) {
                sink += ElementContent.checksums(element).checksum().charAt(0);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "checksums round %d: %,d elements (no geometry) in %.0f ms, %,.0f elements/s (%d)%n",
                    round, count, seconds * 1e3, count / seconds, sink % 10);
        }
    }
}
