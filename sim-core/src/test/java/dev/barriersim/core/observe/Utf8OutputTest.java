package dev.barriersim.core.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Utf8Output} writes the bytes an {@code OutputStreamWriter} would, however the text is cut into writes. */
class Utf8OutputTest {
  private static final String TEXT = "job \"a\u00e9\" \u4e2d \ud83d\ude80 end\n";

  @Test
  void textCutAnywhereGivesTheBytesOfTheWholeText() throws IOException {
    byte[] expected = TEXT.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= TEXT.length(); cut++) { // every cut, including the one inside the surrogate pair
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (Writer w = new Utf8Output(bytes)) {
        w.write(TEXT.substring(0, cut));
        w.write(TEXT.toCharArray(), cut, TEXT.length() - cut);
      }
      assertArrayEquals(expected, bytes.toByteArray(), "cut at " + cut);
    }
  }

  @Test
  void oneCharacterAtATimeMatchesAnOutputStreamWriter() throws IOException {
    String text = TEXT + "\ud83d"; // ends in a high surrogate whose low half never comes
    ByteArrayOutputStream mine = new ByteArrayOutputStream();
    ByteArrayOutputStream jdk = new ByteArrayOutputStream();
    try (Writer a = new Utf8Output(mine); Writer b = new OutputStreamWriter(jdk, StandardCharsets.UTF_8)) {
      for (char c : text.toCharArray()) {
        a.write(c);
        b.write(c);
      }
    }
    assertArrayEquals(jdk.toByteArray(), mine.toByteArray());
  }

  @Test
  void bytesAfterALoneHighSurrogateFollowItsReplacement() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Utf8Output w = new Utf8Output(bytes)) {
      w.write("x\ud83d");
      byte[] line = "{}\n".getBytes(StandardCharsets.US_ASCII);
      w.writeUtf8(line, 0, line.length);
    }
    assertArrayEquals("x?{}\n".getBytes(StandardCharsets.US_ASCII), bytes.toByteArray());
  }
}
