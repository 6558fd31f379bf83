package dev.barriersim.core.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Output lines built as UTF-8 bytes, without a {@code String} per line: the bytes are what
 * {@code line.toString().getBytes(UTF_8)} would give (an unpaired surrogate becomes {@code ?}), so
 * a digest over them is the digest of the text. Then the lines go to a {@link Writer}: as bytes to
 * a {@link Utf8Output}, as characters to any other. The writers collect many whole lines before
 * they digest and write them, so each of those costs one call per chunk rather than per line.
 */
final class ByteLine {
  private byte[] buf = new byte[512];
  private int len;
  /** True while every byte is ASCII (then each byte is its character). */
  private boolean ascii = true;
  private char[] chars = new char[0];

  void clear() {
    len = 0;
    ascii = true;
  }

  /** The number of bytes so far. */
  int length() {
    return len;
  }

  private void ensure(int more) {
    if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + more));
  }

  /** Appends bytes already encoded (a constant, or a cached encoding of a string). */
  ByteLine bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** Appends bytes already encoded, of which some are not ASCII when {@code ascii} is false. */
  ByteLine bytes(byte[] b, boolean asciiOnly) {
    if (!asciiOnly) ascii = false;
    return bytes(b);
  }

  /** Appends bytes {@code [from, from + n)} of {@code other}, counted as non-ASCII if any of its bytes is. */
  ByteLine bytes(ByteLine other, int from, int n) {
    if (!other.ascii) ascii = false;
    ensure(n);
    System.arraycopy(other.buf, from, buf, len, n);
    len += n;
    return this;
  }

  /** Removes the first {@code n} bytes, moving the rest to the front. */
  void dropFirst(int n) {
    System.arraycopy(buf, n, buf, 0, len - n);
    len -= n;
    if (len == 0) ascii = true;
  }

  /** The bytes of the line so far, copied (to cache an encoding). */
  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  /** True while every byte so far is ASCII. */
  boolean isAscii() {
    return ascii;
  }

  /** Appends an ASCII character. */
  ByteLine ch(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Appends text known to be ASCII (field names, enum names). */
  ByteLine ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
    return this;
  }

  /** Appends {@code s} encoded as UTF-8. */
  ByteLine text(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else {
        i = encode(s, i);
      }
    }
    return this;
  }

  /** Appends the non-ASCII character at {@code i} of {@code s} (two chars for a surrogate pair); returns the last index used. */
  private int encode(String s, int i) {
    ascii = false;
    char c = s.charAt(i);
    ensure(4);
    if (c < 0x800) {
      buf[len++] = (byte) (0xC0 | (c >> 6));
      buf[len++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isSurrogate(c)) {
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(i + 1));
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
        return i + 1;
      }
      buf[len++] = '?'; // what String.getBytes(UTF_8) writes for an unpaired surrogate
    } else {
      buf[len++] = (byte) (0xE0 | (c >> 12));
      buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (c & 0x3F));
    }
    return i;
  }

  /** Appends {@code s} as a JSON string literal, escaped as the event log always escaped it. */
  ByteLine json(String s) {
    ch('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> ascii("\\\"");
        case '\\' -> ascii("\\\\");
        case '\n' -> ascii("\\n");
        case '\r' -> ascii("\\r");
        case '\t' -> ascii("\\t");
        default -> {
          if (c < 0x20) {
            ascii("\\u00").ch(Character.forDigit(c >> 4, 16)).ch(Character.forDigit(c & 0xF, 16));
          } else if (c < 0x80) {
            ch(c);
          } else {
            i = encode(s, i);
          }
        }
      }
    }
    return ch('"');
  }

  /** Appends {@code v} in decimal, as {@code Long.toString} writes it. */
  ByteLine num(long v) {
    if (v >= 0 && v <= Integer.MAX_VALUE) return digits((int) v);
    if (v == Long.MIN_VALUE) return ascii("-9223372036854775808");
    if (v < 0) {
      ch('-');
      v = -v;
    }
    if (v <= Integer.MAX_VALUE) return digits((int) v);
    long high = v / 1_000_000_000L; // at most ten digits, then nine more with leading zeros
    digits((int) (v - high * 1_000_000_000L), high);
    return this;
  }

  /** The low nine digits {@code low} after {@code high} (more digits), zero-padded. */
  private void digits(int low, long high) {
    num(high);
    ensure(9);
    int pos = len + 9;
    for (int i = 0; i < 9; i++) {
      int q = low / 10;
      buf[--pos] = (byte) ('0' + (low - 10 * q));
      low = q;
    }
    len += 9;
  }

  /** Appends {@code n} (>= 0) in decimal, two digits per division. */
  private ByteLine digits(int n) {
    int size = 1;
    for (int x = n; x >= 10; x /= 10) size++;
    ensure(size);
    int pos = len + size;
    while (n >= 100) {
      int q = n / 100;
      int r = n - 100 * q;
      n = q;
      buf[--pos] = ONES[r];
      buf[--pos] = TENS[r];
    }
    if (n >= 10) {
      buf[--pos] = ONES[n];
      buf[--pos] = TENS[n];
    } else {
      buf[--pos] = (byte) ('0' + n);
    }
    len += size;
    return this;
  }

  private static final byte[] TENS = new byte[100];
  private static final byte[] ONES = new byte[100];

  static {
    for (int i = 0; i < 100; i++) {
      TENS[i] = (byte) ('0' + i / 10);
      ONES[i] = (byte) ('0' + i % 10);
    }
  }

  /** Appends {@code true} or {@code false}. */
  ByteLine bool(boolean b) {
    return ascii(b ? "true" : "false");
  }

  /** Adds the line's bytes to {@code digest}. */
  void digestInto(MessageDigest digest) {
    digest.update(buf, 0, len);
  }

  /** Writes the line to {@code out}: bytes to a {@link Utf8Output}, characters otherwise; {@code out} may be null. */
  void writeTo(Writer out) {
    if (out == null) return;
    try {
      if (out instanceof Utf8Output u) {
        u.writeUtf8(buf, 0, len);
      } else if (ascii) {
        if (chars.length < len) chars = new char[Math.max(len, 2 * chars.length)];
        for (int i = 0; i < len; i++) chars[i] = (char) buf[i];
        out.write(chars, 0, len);
      } else {
        out.write(new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
