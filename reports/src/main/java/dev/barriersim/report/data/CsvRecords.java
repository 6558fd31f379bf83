package dev.barriersim.report.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC-4180 CSV text into records, one at a time: a field with a comma, a quote or a line
 * break is quoted, and a quote inside it is doubled. Reads through a fixed buffer, so a file of any
 * size costs the memory of one record.
 */
final class CsvRecords implements Closeable {
  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private long recordLine;
  private final StringBuilder field = new StringBuilder();

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The line on which the record last returned by {@link #next()} starts (1-based). */
  long recordLine() {
    return recordLine;
  }

  /** The fields of the next record, or null at the end of the input; blank lines are skipped. */
  List<String> next() throws IOException {
    int c = peek();
    while (c == '\r' || c == '\n') {
      consumeLineBreak();
      c = peek();
    }
    if (c == EOF) return null;
    recordLine = line;
    List<String> fields = new ArrayList<>(16);
    while (true) {
      fields.add(readField());
      c = read();
      if (c == ',') continue;
      if (c == '\r' || c == '\n') {
        if (c == '\r' && peek() == '\n') read();
        line++;
      }
      return fields; // end of line or end of input
    }
  }

  private String readField() throws IOException {
    field.setLength(0);
    if (peek() != '"') {
      int c;
      while ((c = peek()) != EOF && c != ',' && c != '\r' && c != '\n') field.append((char) read());
      return field.toString();
    }
    read(); // opening quote
    while (true) {
      int c = read();
      if (c == EOF) throw new IOException("line " + recordLine + ": a quoted field is not closed");
      if (c == '"') {
        if (peek() == '"') {
          field.append((char) read());
          continue;
        }
        int after = peek();
        if (after != ',' && after != '\r' && after != '\n' && after != EOF) {
          throw new IOException("line " + line + ": unexpected character after a closing quote");
        }
        return field.toString();
      }
      if (c == '\n') line++;
      field.append((char) c);
    }
  }

  private void consumeLineBreak() throws IOException {
    int c = read();
    if (c == '\r' && peek() == '\n') read();
    line++;
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) return EOF;
    return buf[pos];
  }

  private int read() throws IOException {
    if (pos == len && !fill()) return EOF;
    return buf[pos++];
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) return false;
    pos = 0;
    len = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
