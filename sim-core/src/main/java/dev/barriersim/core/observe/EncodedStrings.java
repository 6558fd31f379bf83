package dev.barriersim.core.observe;

/**
 * Encodings of the strings that recur on every line (job, stage, executor and host names, which
 * the scheduler passes as the same instances), kept by identity so each is encoded once: a JSON
 * literal or a CSV field as {@link ByteLine} would write it, after a fixed prefix (a field's name).
 * A small open-addressed table keyed by identity: one probe in the common case, no map entry and
 * no boxed flag per lookup. Bounded: a string that finds no free slot nearby evicts one.
 */
final class EncodedStrings {
  /** How to encode one string. */
  interface Encoding {
    void encode(String s, ByteLine into);
  }

  /** One cached encoding: the string it belongs to (by identity), its bytes, and whether they are ASCII. */
  private static final class Entry {
    final String key;
    final byte[] bytes;
    final boolean ascii;

    Entry(String key, byte[] bytes, boolean ascii) {
      this.key = key;
      this.bytes = bytes;
      this.ascii = ascii;
    }
  }

  private static final int SLOTS = 1 << 12;
  /** How far a lookup probes before it evicts: keeps a miss O(1). */
  private static final int PROBES = 8;
  private final Encoding encoding;
  private final byte[] prefix;
  private final Entry[] table = new Entry[SLOTS];
  /** The entry used last: a job's or stage's name repeats from line to line and skips the table. */
  private Entry last = new Entry(null, new byte[0], true);
  private final ByteLine scratch = new ByteLine();

  EncodedStrings(Encoding encoding) {
    this(new byte[0], encoding);
  }

  /** Encodings of strings after {@code prefix} (ASCII), so that a field's name and value are one copy. */
  EncodedStrings(byte[] prefix, Encoding encoding) {
    this.prefix = prefix.clone();
    this.encoding = encoding;
  }

  /** Appends the prefix and the encoding of {@code s} to {@code line}. */
  void append(String s, ByteLine line) {
    Entry e = last;
    if (e.key != s) {
      int i = System.identityHashCode(s) & (SLOTS - 1);
      e = table[i];
      if (e == null || e.key != s) e = probe(s, i);
      last = e;
    }
    line.bytes(e.bytes, e.ascii);
  }

  /** The entry of {@code s} in the slots after {@code home}, added (in a free slot, or over {@code home}'s) if absent. */
  private Entry probe(String s, int home) {
    int free = -1;
    for (int k = 0; k < PROBES; k++) {
      int i = (home + k) & (SLOTS - 1);
      Entry e = table[i];
      if (e == null) {
        if (free < 0) free = i;
      } else if (e.key == s) {
        return e;
      }
    }
    scratch.clear();
    scratch.bytes(prefix);
    encoding.encode(s, scratch);
    Entry e = new Entry(s, scratch.toBytes(), scratch.isAscii());
    table[free >= 0 ? free : home] = e;
    return e;
  }
}
