package io.sinter.core.internal.change;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Classifies one bridge task's connector output O against the stored elements S of the same document
 * (api.md sections 6.3 and 6.3a). Keys are {@code (kind, identifier)}; contents are compared by checksum only
 * (see {@link ElementContent}), so no element is held in memory.
 *
 * <p>Use: feed every stored element with {@link #stored}, then every connector element in file order with
 * {@link #observed}, then call {@link #finish} once. Observed keys must be unique (see {@link Identifiers}).
 * Checksums are 64-character hex SHA-256 strings (either case) and are kept as 256-bit values: one entry costs
 * about 90 bytes plus its identifier string. Not thread-safe.
 *
 * <p>Classification, per observed element:
 * <ul>
 * <li>key in S, same {@code classFullName}: unchanged when the checksums are equal, otherwise updated in place
 * (counted as matched by identifier);</li>
 * <li>key in S, different {@code classFullName}: a class change, the old element is deleted and a new one
 * inserted with its federation GUID (1 deleted + 1 inserted);</li>
 * <li>key not in S: inserted, unless re-matched.</li>
 * </ul>
 * A stored element whose key was not observed is deleted, unless re-matched.
 *
 * <p>Re-matching by content (section 6.3a), when enabled: among the observed elements still to insert and the
 * stored elements still to delete, those with equal kind, {@code classFullName} and {@code contentChecksum} are
 * paired when that value occurs exactly once on each side; a value occurring more than once on either side is
 * ambiguous and not paired. The pairing is therefore one-to-one and independent of input order; it is reported in
 * file order. A pair keeps the stored element id and federation GUID and re-keys its provenance to the new
 * identifier; it is unchanged when the full checksums are equal, otherwise updated.
 *
 * <p>The full checksum contains the source identifiers of the parent and of relationship targets. After
 * re-matching, an element that refers to a re-keyed element therefore has a different checksum although it
 * refers to the same stored elements; it is reported as updated. The caller confirms every update of a result
 * with non-empty {@link Result#previousIdentifiers()} by computing
 * {@link ElementContent#checksum(io.sinter.connector.api.Element, java.util.function.UnaryOperator)} with those
 * identifiers and treats an update whose renamed checksum equals the stored checksum as unchanged (provenance
 * refreshed only).
 */
public final class Diff {
    private static final byte INSERTED = 0;
    private static final byte UNCHANGED = 1;
    private static final byte UPDATED = 2;
    private static final byte CLASS_CHANGED = 3;
    private static final byte REMATCHED_UNCHANGED = 4;
    private static final byte REMATCHED_UPDATED = 5;
    private static final int NONE = -1;
    private static final int INITIAL_CAPACITY = 1024;

    private final Dictionary kinds = new Dictionary();
    private final Dictionary classes = new Dictionary();

    private int storedCount;
    private long[] storedElementId;
    private int[] storedKind;
    private int[] storedClass;
    private String[] storedIdentifier;
    private long[] storedChecksum;
    private long[] storedContent;
    private int[] storedPartner;
    /** The {@link Fingerprint} of stored element i at 2i and 2i + 1, when {@code storedHasFingerprint[i]}. */
    private long[] storedFingerprint;
    private boolean[] storedHasFingerprint;
    /** The record digest of stored element i at 2i and 2i + 1 when {@code storedHasRecord[i]}; null until one is given. */
    private long[] storedRecord;
    private boolean[] storedHasRecord;

    private int observedCount;
    private int[] observedKind;
    private int[] observedClass;
    private String[] observedIdentifier;
    private long[] observedChecksum;
    private long[] observedContent;
    private int[] observedPartner;
    private byte[] observedOutcome;

    /** Open addressing by key: 0 empty, i + 1 for stored entry i, -(o + 1) for observed entry o. */
    private int[] keyTable = new int[2 * INITIAL_CAPACITY];
    private int keyCount;
    private boolean observing;
    private boolean finished;

    /** A diff with room for {@value #INITIAL_CAPACITY} elements at first (it grows as needed). */
    public Diff() {
        this(INITIAL_CAPACITY);
    }

    /** @param expected how many stored elements (and as many observed) to make room for at once */
    public Diff(int expected) {
        int capacity = Math.max(expected, INITIAL_CAPACITY);
        storedElementId = new long[capacity];
        storedKind = new int[capacity];
        storedClass = new int[capacity];
        storedIdentifier = new String[capacity];
        storedChecksum = new long[4 * capacity];
        storedContent = new long[4 * capacity];
        storedPartner = new int[capacity];
        storedFingerprint = new long[2 * capacity];
        storedHasFingerprint = new boolean[capacity];
        observedKind = new int[capacity];
        observedClass = new int[capacity];
        observedIdentifier = new String[capacity];
        observedChecksum = new long[4 * capacity];
        observedContent = new long[4 * capacity];
        observedPartner = new int[capacity];
        observedOutcome = new byte[capacity];
    }

    /**
     * Adds one stored element of the document. All stored elements come before the first observed one.
     *
     * @throws IllegalArgumentException for a key fed twice or a checksum that is not 64 hex digits
     * @throws IllegalStateException after {@link #observed} or {@link #finish}
     */
    public void stored(long elementId, String kind, String identifier, String classFullName, String checksum,
            String contentChecksum) {
        stored(elementId, kind, identifier, classFullName, checksum, contentChecksum, null);
    }

    /**
     * As {@link #stored(long, String, String, String, String, String)} with the {@link Fingerprint} stored with the
     * element (null when none was), which {@link #observedUnchanged(String, String, String, Fingerprint)} compares.
     */
    public void stored(long elementId, String kind, String identifier, String classFullName, String checksum,
            String contentChecksum, Fingerprint fingerprint) {
        int i = addStored(elementId, kind, identifier, classFullName, fingerprint);
        parseHex(checksum, storedChecksum, 4 * i);
        parseHex(contentChecksum, storedContent, 4 * i);
        storedCount++;
        insertKey(storedKind[i], identifier, i + 1);
        keyedStored = storedCount;
    }

    /**
     * As {@link #stored(long, String, String, String, String, String, Fingerprint)} with the checksum as the four 64-bit words
     * {@code checksums[0..3]} (most significant first) and the content checksum as {@code checksums[4..7]}, for a state known
     * to have unique keys: the key is looked up only when an observed element is not the next stored one, so a key fed twice
     * is found only then (an {@link IllegalArgumentException} from the call that needs the lookup).
     */
    public void stored(long elementId, String kind, String identifier, String classFullName, long[] checksums, Fingerprint fingerprint) {
        int i = addStored(elementId, kind, identifier, classFullName, fingerprint, false);
        System.arraycopy(checksums, 0, storedChecksum, 4 * i, 4);
        System.arraycopy(checksums, 4, storedContent, 4 * i, 4);
        storedCount++;
    }

    /**
     * Puts the stored keys not in the key table yet into it (they were fed in file order and matched by {@link #next} so far).
     *
     * @throws IllegalArgumentException for a stored key fed twice
     */
    private void keyStored() {
        while (keyedStored < storedCount) {
            int s = keyedStored;
            if (find(storedKind[s], storedIdentifier[s]) != 0) {
                throw new IllegalArgumentException("stored key fed twice: " + kinds.name(storedKind[s]) + " " + storedIdentifier[s]);
            }
            insertKey(storedKind[s], storedIdentifier[s], s + 1);
            keyedStored++;
        }
    }

    /** The stored elements {@code 0..keyedStored-1} are in the key table. */
    private int keyedStored;

    /** Checks and places stored element {@link #storedCount} but its checksums; the caller adds them and counts it. */
    private int addStored(long elementId, String kind, String identifier, String classFullName, Fingerprint fingerprint) {
        return addStored(elementId, kind, identifier, classFullName, fingerprint, true);
    }

    private int addStored(long elementId, String kind, String identifier, String classFullName, Fingerprint fingerprint, boolean keyed) {
        if (observing || finished) {
            throw new IllegalStateException("stored elements must come before observed ones");
        }
        Objects.requireNonNull(identifier, "identifier");
        int kindCode = kinds.code(kind);
        if (keyed && keyedFind(kindCode, identifier) != 0) {
            throw new IllegalArgumentException("stored key fed twice: " + kind + " " + identifier);
        }
        int i = storedCount;
        if (i == storedElementId.length) {
            int capacity = grownCapacity(i);
            storedElementId = Arrays.copyOf(storedElementId, capacity);
            storedKind = Arrays.copyOf(storedKind, capacity);
            storedClass = Arrays.copyOf(storedClass, capacity);
            storedIdentifier = Arrays.copyOf(storedIdentifier, capacity);
            storedChecksum = Arrays.copyOf(storedChecksum, 4 * capacity);
            storedContent = Arrays.copyOf(storedContent, 4 * capacity);
            storedPartner = Arrays.copyOf(storedPartner, capacity);
            storedFingerprint = Arrays.copyOf(storedFingerprint, 2 * capacity);
            storedHasFingerprint = Arrays.copyOf(storedHasFingerprint, capacity);
        }
        storedHasFingerprint[i] = fingerprint != null;
        if (fingerprint != null) {
            storedFingerprint[2 * i] = fingerprint.high();
            storedFingerprint[2 * i + 1] = fingerprint.low();
        }
        storedElementId[i] = elementId;
        storedKind[i] = kindCode;
        storedClass[i] = classes.code(classFullName);
        storedIdentifier[i] = identifier;
        storedPartner[i] = NONE;
        return i;
    }

    /** @return how many stored elements were fed */
    public int storedCount() {
        return storedCount;
    }

    /**
     * One stored element as fed, for writing the document's state after a sync.
     *
     * @param checksums receives the checksum in words 0..3 and the content checksum in 4..7
     * @return its fingerprint, or null
     */
    public Fingerprint stored(int s, long[] checksums) {
        System.arraycopy(storedChecksum, 4 * s, checksums, 0, 4);
        System.arraycopy(storedContent, 4 * s, checksums, 4, 4);
        return storedHasFingerprint[s] ? new Fingerprint(storedFingerprint[2 * s], storedFingerprint[2 * s + 1]) : null;
    }

    public long storedElementId(int s) {
        return storedElementId[s];
    }

    public String storedKind(int s) {
        return kinds.name(storedKind[s]);
    }

    public String storedIdentifier(int s) {
        return storedIdentifier[s];
    }

    public String storedClass(int s) {
        return classes.name(storedClass[s]);
    }

    /**
     * Gives stored element {@code s} the digest of the source record it was made from (see
     * {@link io.sinter.connector.api.ConnectorContext#unchanged}), which {@link #observedRecord} compares.
     */
    public void storedRecord(int s, long high, long low) {
        if (s >= storedCount) {
            throw new IndexOutOfBoundsException(s);
        }
        if (storedRecord == null || storedHasRecord.length < storedElementId.length) {
            storedRecord = storedRecord == null ? new long[2 * storedElementId.length] : Arrays.copyOf(storedRecord, 2 * storedElementId.length);
            storedHasRecord = storedHasRecord == null ? new boolean[storedElementId.length] : Arrays.copyOf(storedHasRecord, storedElementId.length);
        }
        storedRecord[2 * s] = high;
        storedRecord[2 * s + 1] = low;
        storedHasRecord[s] = true;
    }

    /**
     * The path of a record the connector did not build: when the next stored element in file order (see {@link #next})
     * has this kind and identifier, was not observed yet and was stored with this record digest, records it as unchanged
     * and returns its ordinal; otherwise records nothing and returns -1 (the connector then hands the element over).
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public int observedRecord(String kind, String identifier, long high, long low) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        int s = next;
        if (storedRecord == null || s >= storedCount || s >= storedHasRecord.length || !storedHasRecord[s] || storedRecord[2 * s] != high
                || storedRecord[2 * s + 1] != low || storedPartner[s] != NONE || !storedIdentifier[s].equals(identifier)
                || storedKind[s] != kinds.code(kind)) {
            return -1;
        }
        return unchanged(s, storedChecksum);
    }

    /** @return the ordinal of the observed element that stored element {@code s} was matched with, or -1 */
    public int storedObserved(int s) {
        return storedPartner[s];
    }

    /**
     * Adds the next connector element in file order.
     *
     * @return its ordinal: 0 for the first observed element, then 1, 2, ...
     * @throws IllegalArgumentException for a key fed twice or a checksum that is not 64 hex digits
     * @throws IllegalStateException after {@link #finish}
     */
    public int observed(String kind, String identifier, String classFullName, String checksum, String contentChecksum) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        observing = true;
        Objects.requireNonNull(identifier, "identifier");
        int kindCode = kinds.code(kind);
        int classCode = classes.code(classFullName);
        int found = next < storedCount && storedKind[next] == kindCode && storedIdentifier[next].equals(identifier) ? next + 1
                : keyedFind(kindCode, identifier);
        if (found < 0 || found > 0 && storedPartner[found - 1] != NONE) {
            throw new IllegalArgumentException("observed key fed twice: " + kind + " " + identifier);
        }
        int o = observedCount;
        growObserved(o);
        parseHex(checksum, observedChecksum, 4 * o);
        parseHex(contentChecksum, observedContent, 4 * o);
        observedKind[o] = kindCode;
        observedClass[o] = classCode;
        observedIdentifier[o] = identifier;
        observedCount++;
        if (found == 0) {
            observedPartner[o] = NONE;
            observedOutcome[o] = INSERTED;
            insertKey(kindCode, identifier, -(o + 1));
        } else {
            int s = found - 1;
            next = s + 1;
            observedPartner[o] = s;
            storedPartner[s] = o;
            if (storedClass[s] != classCode) {
                observedOutcome[o] = CLASS_CHANGED;
            } else {
                observedOutcome[o] = sameChecksum(o, s) ? UNCHANGED : UPDATED;
            }
        }
        return o;
    }

    /**
     * The fast path of {@link #observed} for an element that is unchanged: when a stored element not yet
     * observed has the same kind, identifier, class and {@code checksum}, records the element as unchanged
     * (its content checksum is the stored one: equal checksums mean equal content) and returns its ordinal.
     * Otherwise records nothing and returns -1; the caller then computes the content checksum and calls
     * {@link #observed}.
     *
     * @return the element's ordinal, or -1 when it is not unchanged
     * @throws IllegalArgumentException for a checksum that is not 64 hex digits
     * @throws IllegalStateException after {@link #finish}
     */
    public int observedUnchanged(String kind, String identifier, String classFullName, String checksum) {
        parseHex(checksum, scratch, 0);
        return observedUnchanged(kind, identifier, classFullName);
    }

    /**
     * As {@link #observedUnchanged(String, String, String, String)} with the checksum as its 32 bytes (the SHA-256 whose
     * hex form is the checksum), so an unchanged element's checksum is never written out and parsed back.
     */
    public int observedUnchanged(String kind, String identifier, String classFullName, byte[] checksum) {
        if (checksum.length != 32) {
            throw new IllegalArgumentException("a checksum must be 32 bytes, has " + checksum.length);
        }
        Hashes.words(checksum, scratch, 0);
        return observedUnchanged(kind, identifier, classFullName);
    }

    /**
     * The fastest path of {@link #observed}: when a stored element not yet observed has the same kind, identifier and
     * class and was stored with this {@link Fingerprint}, records the element as unchanged (equal fingerprints mean
     * equal checksums; the stored checksums are taken over) and returns its ordinal. Otherwise records nothing and
     * returns -1; the caller then goes on with the checksum ({@link #observedUnchanged(String, String, String, byte[])}).
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public int observedUnchanged(String kind, String identifier, String classFullName, Fingerprint fingerprint) {
        int s = unobservedStored(kind, identifier, classFullName);
        if (s < 0 || !storedHasFingerprint[s] || storedFingerprint[2 * s] != fingerprint.high()
                || storedFingerprint[2 * s + 1] != fingerprint.low()) {
            return -1;
        }
        return unchanged(s, storedChecksum);
    }

    /**
     * @return whether an observed element with this key was fed already (so the key is not free for another one; see
     *         {@link Identifiers#Identifiers(Identifiers.Taken)})
     */
    public boolean observedKey(String kind, String identifier) {
        int kindCode = kinds.code(kind);
        if (next < storedCount && storedKind[next] == kindCode && storedIdentifier[next].equals(identifier)) {
            return storedPartner[next] != NONE;
        }
        int found = keyedFind(kindCode, identifier);
        return found < 0 || found > 0 && storedPartner[found - 1] != NONE;
    }

    /** @return the stored element with this key and class that was not observed yet, or -1 */
    private int unobservedStored(String kind, String identifier, String classFullName) {
        if (finished) {
            throw new IllegalStateException("finished");
        }
        Objects.requireNonNull(identifier, "identifier");
        if (storedCount == 0) {
            return -1;
        }
        int kindCode = kinds.code(kind);
        int s = next < storedCount && storedKind[next] == kindCode && storedIdentifier[next].equals(identifier) ? next
                : keyedFind(kindCode, identifier) - 1;
        if (s < 0 || storedPartner[s] != NONE) {
            return -1;
        }
        // next moves on only when the element is recorded: a miss here is followed by the slower paths for the same key
        return storedClass[s] == classes.code(classFullName) ? s : -1;
    }

    /**
     * The stored element after the last one an observed element matched: files mostly list their elements in the order
     * of the previous sync, which numbered them in file order, so the key is usually there and the hash table (a cache
     * miss or two per element in a table of a million) is not needed.
     */
    private int next;

    /** The fast path with the checksum in {@link #scratch}. */
    private int observedUnchanged(String kind, String identifier, String classFullName) {
        int s = unobservedStored(kind, identifier, classFullName);
        if (s < 0 || !Arrays.equals(scratch, 0, 4, storedChecksum, 4 * s, 4 * s + 4)) {
            return -1;
        }
        return unchanged(s, scratch);
    }

    /**
     * Records the next observed element as stored element {@code s} unchanged.
     *
     * @param checksum holds its checksum: {@link #scratch} at 0, or {@link #storedChecksum} at {@code 4 * s}
     */
    private int unchanged(int s, long[] checksum) {
        observing = true;
        next = s + 1;
        int o = observedCount;
        growObserved(o);
        System.arraycopy(checksum, checksum == scratch ? 0 : 4 * s, observedChecksum, 4 * o, 4);
        System.arraycopy(storedContent, 4 * s, observedContent, 4 * o, 4);
        observedKind[o] = storedKind[s];
        observedClass[o] = storedClass[s];
        observedIdentifier[o] = storedIdentifier[s];
        observedCount++;
        observedPartner[o] = s;
        storedPartner[s] = o;
        observedOutcome[o] = UNCHANGED;
        return o;
    }

    private final long[] scratch = new long[4];

    /** Makes room for observed element {@code o}. */
    private void growObserved(int o) {
        if (o == observedKind.length) {
            int capacity = grownCapacity(o);
            observedKind = Arrays.copyOf(observedKind, capacity);
            observedClass = Arrays.copyOf(observedClass, capacity);
            observedIdentifier = Arrays.copyOf(observedIdentifier, capacity);
            observedChecksum = Arrays.copyOf(observedChecksum, 4 * capacity);
            observedContent = Arrays.copyOf(observedContent, 4 * capacity);
            observedPartner = Arrays.copyOf(observedPartner, capacity);
            observedOutcome = Arrays.copyOf(observedOutcome, capacity);
        }
    }

    /**
     * Ends the input and classifies.
     *
     * @param rematchByContent whether to pair "observed only" with "stored only" elements by content (section 6.3a);
     *        false for connectors whose identifiers are authoritative
     * @throws IllegalStateException when called twice
     */
    public Result finish(boolean rematchByContent) {
        if (finished) {
            throw new IllegalStateException("finished twice");
        }
        finished = true;
        keyTable = null;
        if (rematchByContent) {
            rematch();
        }
        return new Result();
    }

    private void rematch() {
        int[] stored = new int[storedCount];
        int storedCandidates = 0;
        for (int s = 0; s < storedCount; s++) {
            if (storedPartner[s] == NONE) {
                stored[storedCandidates++] = s;
            }
        }
        int[] observed = new int[observedCount];
        int observedCandidates = 0;
        for (int o = 0; o < observedCount; o++) {
            if (observedPartner[o] == NONE) {
                observed[observedCandidates++] = o;
            }
        }
        if (storedCandidates == 0 || observedCandidates == 0) {
            return;
        }
        stored = Arrays.copyOf(stored, storedCandidates);
        observed = Arrays.copyOf(observed, observedCandidates);
        IndexSort.sort(stored, (a, b) -> compareContent(storedKind[a], storedClass[a], storedContent, a,
                storedKind[b], storedClass[b], storedContent, b));
        IndexSort.sort(observed, (a, b) -> compareContent(observedKind[a], observedClass[a], observedContent, a,
                observedKind[b], observedClass[b], observedContent, b));
        int i = 0;
        int j = 0;
        while (i < stored.length && j < observed.length) {
            int s = stored[i];
            int o = observed[j];
            int cmp = compareContent(storedKind[s], storedClass[s], storedContent, s,
                    observedKind[o], observedClass[o], observedContent, o);
            int storedGroup = storedGroupEnd(stored, i) - i;
            int observedGroup = observedGroupEnd(observed, j) - j;
            if (cmp == 0 && storedGroup == 1 && observedGroup == 1) {
                storedPartner[s] = o;
                observedPartner[o] = s;
                observedOutcome[o] = sameChecksum(o, s) ? REMATCHED_UNCHANGED : REMATCHED_UPDATED;
            }
            if (cmp <= 0) {
                i += storedGroup;
            }
            if (cmp >= 0) {
                j += observedGroup;
            }
        }
    }

    private int storedGroupEnd(int[] sorted, int from) {
        int first = sorted[from];
        int end = from + 1;
        while (end < sorted.length && compareContent(storedKind[first], storedClass[first], storedContent, first,
                storedKind[sorted[end]], storedClass[sorted[end]], storedContent, sorted[end]) == 0) {
            end++;
        }
        return end;
    }

    private int observedGroupEnd(int[] sorted, int from) {
        int first = sorted[from];
        int end = from + 1;
        while (end < sorted.length && compareContent(observedKind[first], observedClass[first], observedContent, first,
                observedKind[sorted[end]], observedClass[sorted[end]], observedContent, sorted[end]) == 0) {
            end++;
        }
        return end;
    }

    private static int compareContent(int kindA, int classA, long[] contentA, int a, int kindB, int classB,
            long[] contentB, int b) {
        if (kindA != kindB) {
            return Integer.compare(kindA, kindB);
        }
        if (classA != classB) {
            return Integer.compare(classA, classB);
        }
        return Arrays.compare(contentA, 4 * a, 4 * a + 4, contentB, 4 * b, 4 * b + 4);
    }

    private boolean sameChecksum(int o, int s) {
        return Arrays.equals(observedChecksum, 4 * o, 4 * o + 4, storedChecksum, 4 * s, 4 * s + 4);
    }

    /** {@link #find} after every stored key is in the table. */
    private int keyedFind(int kindCode, String identifier) {
        keyStored();
        return find(kindCode, identifier);
    }

    private int find(int kindCode, String identifier) {
        int mask = keyTable.length - 1;
        for (int slot = slot(kindCode, identifier, mask); ; slot = (slot + 1) & mask) {
            int code = keyTable[slot];
            if (code == 0 || sameKey(code, kindCode, identifier)) {
                return code;
            }
        }
    }

    private boolean sameKey(int code, int kindCode, String identifier) {
        return code > 0
                ? storedKind[code - 1] == kindCode && storedIdentifier[code - 1].equals(identifier)
                : observedKind[-code - 1] == kindCode && observedIdentifier[-code - 1].equals(identifier);
    }

    private void insertKey(int kindCode, String identifier, int code) {
        if (2 * (keyCount + 1) > keyTable.length) {
            int[] old = keyTable;
            keyTable = new int[2 * old.length];
            for (int c : old) {
                if (c != 0) {
                    place(c > 0 ? storedKind[c - 1] : observedKind[-c - 1],
                            c > 0 ? storedIdentifier[c - 1] : observedIdentifier[-c - 1], c);
                }
            }
        }
        place(kindCode, identifier, code);
        keyCount++;
    }

    private void place(int kindCode, String identifier, int code) {
        int mask = keyTable.length - 1;
        int slot = slot(kindCode, identifier, mask);
        while (keyTable[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keyTable[slot] = code;
    }

    private static int slot(int kindCode, String identifier, int mask) {
        int h = (identifier.hashCode() + kindCode) * 0x9E3779B9;
        return (h ^ (h >>> 15)) & mask;
    }

    private static int grownCapacity(int size) {
        if (size >= Integer.MAX_VALUE / 8) {
            throw new IllegalStateException("too many elements: " + size);
        }
        return size + (size >> 1) + 16;
    }

    /** Parses 64 hex digits into four longs at {@code into[offset..offset+3]}. */
    private static void parseHex(String hex, long[] into, int offset) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a checksum must be 64 hex digits: " + hex);
        }
        for (int word = 0; word < 4; word++) {
            long value = 0;
            for (int i = 16 * word, end = i + 16; i < end; i++) {
                char c = hex.charAt(i);
                int digit;
                if (c >= '0' && c <= '9') {
                    digit = c - '0';
                } else if (c >= 'a' && c <= 'f') {
                    digit = c - 'a' + 10;
                } else if (c >= 'A' && c <= 'F') {
                    digit = c - 'A' + 10;
                } else {
                    throw new IllegalArgumentException("a checksum must be 64 hex digits: " + hex);
                }
                value = value << 4 | digit;
            }
            into[offset + word] = value;
        }
    }

    /** Small string dictionary: kinds and class names repeat, so entries keep an int code instead. */
    private static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        /** The last name looked up and its code: connectors mostly pass the same constant for every element. */
        private String lastName;
        private int lastCode;

        int code(String name) {
            if (name == lastName) {
                return lastCode;
            }
            Objects.requireNonNull(name);
            Integer code = codes.get(name);
            if (code == null) {
                code = names.size();
                codes.put(name, code);
                names.add(name);
            }
            lastName = name;
            lastCode = code;
            return code;
        }

        String name(int code) {
            return names.get(code);
        }
    }

    /**
     * A new element to insert: the observed element {@code ordinal} (file order), with a new element id and a new
     * federation GUID (the connector's or a random one).
     */
    public record Insert(int ordinal, String kind, String identifier) {
    }

    /**
     * An element to update in place (same element id and federation GUID) with the content of observed element
     * {@code ordinal}. When {@code rematched}, its provenance identifier changes too (see {@link Rematch}).
     */
    public record Update(long elementId, int ordinal, String kind, String identifier, boolean rematched) {
    }

    /**
     * A key whose class changed: delete stored element {@code oldElementId} and insert observed element
     * {@code ordinal} as a new element that keeps the old federation GUID.
     */
    public record ClassChange(long oldElementId, String oldClassFullName, int ordinal, String kind, String identifier,
            String classFullName) {
    }

    /**
     * A stored element paired by content with an observed element of another identifier: it keeps its element id
     * and federation GUID and its provenance is re-keyed from {@code oldIdentifier} to {@code newIdentifier}. When
     * not {@code contentEqual} it is also listed in {@link Result#updates()}.
     */
    public record Rematch(long elementId, String kind, String oldIdentifier, int ordinal, String newIdentifier,
            boolean contentEqual) {
    }

    /**
     * The task's element counts (api.md sections 5.9 and 7.4): a class change counts as one deleted and one
     * inserted element and as neither matched count.
     *
     * @param matchedByIdentifier observed elements whose key was stored with the same class
     * @param matchedByContent re-matched pairs
     * @param inserted new elements, class changes included
     * @param updated elements updated in place, re-matched ones included
     * @param deleted deleted elements, class changes included
     * @param unchanged elements left as they are, re-matched ones included
     */
    public record Counts(int matchedByIdentifier, int matchedByContent, int inserted, int updated, int deleted,
            int unchanged) {
    }

    /** The classification. The lists are views in file order over compact arrays, built on access. */
    public final class Result {
        private final int[] inserts;
        private final int[] updates;
        private final int[] classChanges;
        private final int[] rematches;
        private final long[] deletes;
        private final Counts counts;
        private Map<String, String> previousIdentifiers;

        private Result() {
            int[] perOutcome = new int[6];
            for (int o = 0; o < observedCount; o++) {
                perOutcome[observedOutcome[o]]++;
            }
            inserts = new int[perOutcome[INSERTED]];
            updates = new int[perOutcome[UPDATED] + perOutcome[REMATCHED_UPDATED]];
            classChanges = new int[perOutcome[CLASS_CHANGED]];
            rematches = new int[perOutcome[REMATCHED_UNCHANGED] + perOutcome[REMATCHED_UPDATED]];
            int insert = 0;
            int update = 0;
            int classChange = 0;
            int rematch = 0;
            for (int o = 0; o < observedCount; o++) {
                switch (observedOutcome[o]) {
                    case INSERTED -> inserts[insert++] = o;
                    case UPDATED -> updates[update++] = o;
                    case CLASS_CHANGED -> classChanges[classChange++] = o;
                    case REMATCHED_UNCHANGED -> rematches[rematch++] = o;
                    case REMATCHED_UPDATED -> {
                        updates[update++] = o;
                        rematches[rematch++] = o;
                    }
                    default -> {
                        // UNCHANGED: nothing to write
                    }
                }
            }
            int deleteCount = 0;
            for (int s = 0; s < storedCount; s++) {
                if (storedPartner[s] == NONE) {
                    deleteCount++;
                }
            }
            deletes = new long[deleteCount];
            for (int s = 0, d = 0; s < storedCount; s++) {
                if (storedPartner[s] == NONE) {
                    deletes[d++] = storedElementId[s];
                }
            }
            Arrays.sort(deletes);
            counts = new Counts(
                    perOutcome[UNCHANGED] + perOutcome[UPDATED],
                    rematches.length,
                    inserts.length + classChanges.length,
                    updates.length,
                    deletes.length + classChanges.length,
                    perOutcome[UNCHANGED] + perOutcome[REMATCHED_UNCHANGED]);
        }

        /** @return the counts */
        public Counts counts() {
            return counts;
        }

        /** @return true when the task writes nothing: no insert, update or delete (no changeset, section 6.3) */
        public boolean isEmpty() {
            return counts.inserted() == 0 && counts.updated() == 0 && counts.deleted() == 0;
        }

        /** @return observed elements to insert, in file order (class changes are in {@link #classChanges()}) */
        public List<Insert> inserts() {
            return new View<>(inserts.length) {
                @Override
                public Insert get(int index) {
                    int o = inserts[index];
                    return new Insert(o, kinds.name(observedKind[o]), observedIdentifier[o]);
                }
            };
        }

        /** @return elements to update in place, in file order, re-matched ones with changed content included */
        public List<Update> updates() {
            return new View<>(updates.length) {
                @Override
                public Update get(int index) {
                    int o = updates[index];
                    return new Update(storedElementId[observedPartner[o]], o, kinds.name(observedKind[o]),
                            observedIdentifier[o], observedOutcome[o] == REMATCHED_UPDATED);
                }
            };
        }

        /** @return stored element ids to delete, ascending (class changes are in {@link #classChanges()}) */
        public long[] deletes() {
            return deletes.clone();
        }

        /** @return keys whose class changed, in file order */
        public List<ClassChange> classChanges() {
            return new View<>(classChanges.length) {
                @Override
                public ClassChange get(int index) {
                    int o = classChanges[index];
                    int s = observedPartner[o];
                    return new ClassChange(storedElementId[s], classes.name(storedClass[s]), o,
                            kinds.name(observedKind[o]), observedIdentifier[o], classes.name(observedClass[o]));
                }
            };
        }

        /** @return pairs matched by content, in file order */
        public List<Rematch> rematches() {
            return new View<>(rematches.length) {
                @Override
                public Rematch get(int index) {
                    int o = rematches[index];
                    int s = observedPartner[o];
                    return new Rematch(storedElementId[s], kinds.name(observedKind[o]), storedIdentifier[s], o,
                            observedIdentifier[o], observedOutcome[o] == REMATCHED_UNCHANGED);
                }
            };
        }

        /**
         * @return new identifier → stored identifier of every re-matched element (empty without re-matches), to
         *         rename references with {@link ElementContent#checksum(io.sinter.connector.api.Element,
         *         java.util.function.UnaryOperator)}; keyed by identifier alone, as references carry no kind
         */
        public Map<String, String> previousIdentifiers() {
            if (previousIdentifiers == null) {
                Map<String, String> map = new HashMap<>(Math.max(4, rematches.length * 2));
                for (int o : rematches) {
                    map.putIfAbsent(observedIdentifier[o], storedIdentifier[observedPartner[o]]);
                }
                previousIdentifiers = Collections.unmodifiableMap(map);
            }
            return previousIdentifiers;
        }
    }

    /** An unmodifiable random-access list of known size whose items are made on access. */
    private abstract static class View<T> extends AbstractList<T> implements RandomAccess {
        private final int size;

        View(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
