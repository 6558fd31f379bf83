package dev.barriersim.core.observe;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Encodings of the strings that recur on every line (job, stage, executor and host names, which
 * the scheduler passes as the same instances), kept by identity so each is encoded once: a JSON
 * literal or a CSV field as {@link ByteLine} would write it. Bounded: it starts over when full.
 */
final class EncodedStrings {
  /** How to encode one string. */
  interface Encoding {
    void encode(String s, ByteLine into);
  }

  private static final int MAX = 1 << 16;
  private final Encoding encoding;
  private final Map<String, byte[]> bytes = new IdentityHashMap<>();
  private final Map<String, Boolean> asciiOnly = new IdentityHashMap<>();
  private final ByteLine scratch = new ByteLine();

  EncodedStrings(Encoding encoding) {
    this.encoding = encoding;
  }

  /** Appends the encoding of {@code s} to {@code line}. */
  void append(String s, ByteLine line) {
    byte[] b = bytes.get(s);
    if (b == null) {
      if (bytes.size() >= MAX) {
        bytes.clear();
        asciiOnly.clear();
      }
      scratch.clear();
      encoding.encode(s, scratch);
      b = scratch.toBytes();
      bytes.put(s, b);
      asciiOnly.put(s, scratch.isAscii());
    }
    line.bytes(b, asciiOnly.get(s));
  }
}
