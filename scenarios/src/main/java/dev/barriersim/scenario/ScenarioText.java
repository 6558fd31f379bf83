package dev.barriersim.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a scenario file, before any YAML parsing: strict UTF-8 (the first bad byte is
 * reported at its line and column) and no line longer than {@link #MAX_LINE_CHARS}, so that a
 * hostile file is refused before the parser spends time on it.
 */
final class ScenarioText {
  private ScenarioText() {}

  /**
   * Longest line accepted, in characters. A JSON one-liner of a large scenario fits; the YAML
   * scanner slows down more than linearly on longer single-line values.
   */
  static final int MAX_LINE_CHARS = 1_000_000;

  /** The bytes as UTF-8 text, or null after reporting the first byte that is not UTF-8. */
  static String decode(LoadContext ctx, byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      ctx.report(1, 1, "", "the file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8", "save it as UTF-8");
      return null;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never takes fewer bytes than UTF-16 chars
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) r = decoder.flush(out);
    if (r.isError()) {
      int bad = in.position();
      out.flip();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < out.limit(); i++) {
        if (out.get(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = Character.codePointCount(out, lineStart, out.limit()) + 1;
      String what = bad < bytes.length
          ? String.format(Locale.ROOT, "byte 0x%02X (at byte offset %d)", bytes[bad] & 0xFF, bad)
          : "the last bytes (a character cut short at the end of the file)";
      ctx.report(line, column, "", "the file is not valid UTF-8 text: " + what + " does not decode",
          "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8), or remove the character at this position");
      return null;
    }
    out.flip();
    return out.toString();
  }

  /** False after reporting the first line longer than {@link #MAX_LINE_CHARS} characters, at the first character past the limit. */
  static boolean linesFit(LoadContext ctx, String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          int column = Character.codePointCount(text, start, start + MAX_LINE_CHARS) + 1;
          ctx.report(line, column, "", "line " + line + " has " + (i - start) + " characters, more than the limit of "
              + MAX_LINE_CHARS, "break it up: write lists one '- item' per line and mappings one 'key: value' per line");
          return false;
        }
        line++;
        start = i + 1;
      }
    }
    return true;
  }
}
