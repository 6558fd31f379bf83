package dev.barriersim.scenario.sparklog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams the events of one event log file with Jackson's streaming parser: each top-level JSON
 * object becomes a small tree holding only the fields of {@link EventFields}, handed to a sink
 * with the line it starts on. Memory stays bounded whatever the file's size; every way the file
 * can be wrong ends in one {@link EventLogException} naming the line.
 */
final class EventReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One event: its {@code "Event"} value (null when absent), kept fields and first line. */
  record LogEvent(String type, ObjectNode node, long line) {}

  /** Receives events in file order. */
  interface Sink {
    /** One event; may refuse the log. */
    void accept(LogEvent event) throws EventLogException;
  }

  /** What was read: codec, event count and the line of the last event. */
  record FileSummary(LogCodec codec, long events, long lastLine) {}

  private EventReader() {}

  /** Reads {@code file} (named {@code name} in messages) into {@code sink}. */
  static FileSummary read(Path file, String name, Sink sink) throws EventLogException {
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new EventLogException(name, 0, "cannot read the file (" + e.getClass().getSimpleName() + ")",
          "check the path and its permissions");
    }
    try (InputStream bytes = raw) {
      byte[] head = new byte[16];
      bytes.mark(16);
      int n = bytes.readNBytes(head, 0, head.length);
      bytes.reset();
      if (n == 0) throw new EventLogException(name, 0, "the file is empty", "give a Spark event log");
      LogCodec codec = LogCodec.sniff(head, n);
      if (codec == LogCodec.PLAIN) checkText(name, head, n);
      InputStream in = new GuardedInputStream(codec.open(bytes));
      return parse(in, name, codec, sink);
    } catch (BlockInputStream.CorruptLogException e) {
      throw new EventLogException(name, 0, "corrupt compressed data: " + e.getMessage(), "the file is damaged;"
          + " copy it again from the event log folder");
    } catch (IOException e) {
      throw new EventLogException(name, 0, "cannot read the file (" + describe(e) + ")",
          "the file is damaged or not a Spark event log");
    }
  }

  private static FileSummary parse(InputStream in, String name, LogCodec codec, Sink sink) throws EventLogException {
    long events = 0;
    long startLine = 1;
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        startLine = p.currentTokenLocation().getLineNr();
        if (t != JsonToken.START_OBJECT) {
          throw new EventLogException(name, startLine, "not a Spark event log: expected one JSON object per line, found "
              + describe(t), "give a Spark event log (spark.eventLog.dir)");
        }
        LogEvent e = readEvent(p, startLine);
        events++;
        sink.accept(e);
      }
      if (events == 0) throw new EventLogException(name, 0, "the file holds no event", "give a Spark event log");
      return new FileSummary(codec, events, startLine);
    } catch (JsonEOFException e) {
      throw new EventLogException(name, startLine, "the log ends in the middle of the event that starts on this line"
          + " (a truncated last line: the application was still running, or was killed)",
          "import the finished log, or delete the incomplete last line");
    } catch (StreamConstraintsException e) {
      throw new EventLogException(name, line(e, startLine), "an event is beyond the parser's limits ("
          + firstLine(e.getOriginalMessage()) + ")", "this is not an event log Spark wrote");
    } catch (JsonParseException e) {
      long line = line(e, startLine);
      throw new EventLogException(name, line, "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")",
          line == 1 ? "give a Spark event log (one JSON object per line)" : "the file is damaged at this line");
    } catch (BlockInputStream.CorruptLogException e) {
      throw new EventLogException(name, startLine, "corrupt " + codec.label() + " data in the event that starts on this line, or just after it ("
          + e.getMessage() + ")", "the file is damaged; copy it again from the event log folder");
    } catch (IOException e) {
      throw new EventLogException(name, startLine, "cannot read " + codec.label() + " data in the event that starts on this line, or just after it ("
          + describe(e) + ")", "the file is damaged or cut short");
    }
  }

  /** Decoders throw unchecked exceptions on damaged input (aircompressor's MalformedInputException): make them I/O errors. */
  private static final class GuardedInputStream extends java.io.FilterInputStream {
    GuardedInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (RuntimeException e) {
        throw corrupt(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (RuntimeException e) {
        throw corrupt(e);
      }
    }

    private static IOException corrupt(RuntimeException e) {
      return new BlockInputStream.CorruptLogException("the data does not decompress (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")");
    }
  }

  private static long line(com.fasterxml.jackson.core.JacksonException e, long fallback) {
    return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr() : fallback;
  }

  /** Reads one object; an unknown event type (always the first field in Spark's logs) is skipped whole. */
  private static LogEvent readEvent(JsonParser p, long line) throws IOException {
    ObjectNode node = NODES.objectNode();
    String type = null;
    boolean skipRest = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (skipRest) {
        p.skipChildren();
        continue;
      }
      EventFields.Keep keep = EventFields.ROOT.child(field);
      if (keep == null) {
        p.skipChildren();
        continue;
      }
      JsonNode value = value(p, v, keep);
      if (value == null) continue;
      node.set(field, value);
      if (field.equals("Event") && value.isTextual()) {
        type = value.asText();
        if (!EventFields.KNOWN.contains(type)) skipRest = true;
      }
    }
    return new LogEvent(type, node, line);
  }

  private static JsonNode value(JsonParser p, JsonToken t, EventFields.Keep keep) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        if (keep.isLeaf()) {
          p.skipChildren();
          return null;
        }
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          EventFields.Keep c = keep.child(field);
          if (c == null) {
            p.skipChildren();
            continue;
          }
          JsonNode value = value(p, v, c);
          if (value != null) o.set(field, value);
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          JsonNode value = value(p, e, keep);
          if (value != null) a.add(value);
        }
        return a;
      }
      case VALUE_STRING -> {
        String s = p.getText();
        return NODES.textNode(s.length() > EventFields.MAX_TEXT ? s.substring(0, EventFields.MAX_TEXT) : s);
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? NODES.textNode(p.getText())
            : NODES.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }

  /**
   * A first-bytes check for plain files: an event log starts with '{' (after an optional BOM and
   * blanks); a binary file is named as such, other text as not JSON lines.
   */
  private static void checkText(String name, byte[] head, int n) throws EventLogException {
    int i = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) i++;
    if (i == n || head[i] == '{') return;
    boolean binary = false;
    for (int k = 0; k < n; k++) {
      int b = head[k] & 0xFF;
      binary |= (b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b >= 0x80;
    }
    if (binary) {
      StringBuilder hex = new StringBuilder();
      for (int k = 0; k < Math.min(n, 8); k++) hex.append(String.format(Locale.ROOT, "%s%02x", k == 0 ? "" : " ", head[k]));
      throw new EventLogException(name, 1, "not a Spark event log: binary data (first bytes " + hex + "), and not"
          + " compressed with one of Spark's codecs (zstd, lz4, snappy, lzf) or gzip",
          "give a Spark event log: JSON lines, optionally compressed by Spark");
    }
    int end = i;
    while (end < n && end < i + 12 && head[end] >= 0x20) end++;
    String text = new String(head, i, end - i, java.nio.charset.StandardCharsets.US_ASCII);
    throw new EventLogException(name, 1, "not a Spark event log: it does not start with a JSON object (it starts with '"
        + text + "')", "give a Spark event log: one JSON object per line, optionally compressed by Spark");
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> String.valueOf(t);
    };
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }
}
