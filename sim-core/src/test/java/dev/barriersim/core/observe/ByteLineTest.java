package dev.barriersim.core.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte lines are the bytes the old StringBuilder lines encoded to, whatever the text and numbers. */
class ByteLineTest {
  private static byte[] bytesOf(ByteLine line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    line.writeTo(new Utf8Output(out));
    return out.toByteArray();
  }

  @Test
  void numbersAreWrittenAsLongToStringWritesThem() {
    SplittableRandom r = new SplittableRandom(7);
    long[] edges = {0, 1, 9, 10, 99, 100, 101, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
        -1, -10, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1_000_000_000_000_000_000L};
    ByteLine line = new ByteLine();
    for (int i = 0; i < 200_000; i++) {
      long v = i < edges.length ? edges[i] : i % 3 == 0 ? r.nextLong() : r.nextLong(1L << r.nextInt(1, 63));
      line.clear();
      line.num(v);
      assertEquals(Long.toString(v), new String(bytesOf(line), StandardCharsets.US_ASCII), "value " + v);
    }
  }

  @Test
  void textAndJsonAreUtf8AsStringGetBytesWritesThem() throws Exception {
    String[] texts = {"plain", "é ü ß", "日本語", "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low",
        "end \uD83D", "quote \" back \\ nl \n cr \r tab \t bell \u0007 nul \u0000 us \u001f", ""};
    for (String s : texts) {
      ByteLine line = new ByteLine();
      line.text(s);
      assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), bytesOf(line), s);
      StringBuilder quoted = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> quoted.append("\\\"");
          case '\\' -> quoted.append("\\\\");
          case '\n' -> quoted.append("\\n");
          case '\r' -> quoted.append("\\r");
          case '\t' -> quoted.append("\\t");
          default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
      }
      quoted.append('"');
      line.clear();
      line.json(s);
      byte[] expected = quoted.toString().getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(expected, bytesOf(line), "json " + s);
      MessageDigest a = MessageDigest.getInstance("SHA-256");
      MessageDigest b = MessageDigest.getInstance("SHA-256");
      line.digestInto(a);
      assertArrayEquals(b.digest(expected), a.digest(), "digest of the same bytes");
      StringWriter chars = new StringWriter();
      line.writeTo(chars);
      assertEquals(new String(expected, StandardCharsets.UTF_8), chars.toString(), "a plain Writer gets the characters");
    }
  }
}
