package dev.barriersim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Turns YAML text into a {@link YamlNode} tree with positions, using Jackson's streaming YAML
 * parser. Defends against hostile input: size, nesting depth and alias counts are capped, and
 * every refusal is a {@link Problem}, never an exception.
 */
final class YamlTreeReader {
  /** Largest scenario file accepted, in bytes (and code points). */
  static final int MAX_BYTES = 4 * 1024 * 1024;
  /** Deepest nesting of lists and mappings. */
  static final int MAX_DEPTH = 64;
  /** Most aliases to lists or mappings in one file (defuses "billion laughs"). */
  static final int MAX_COLLECTION_ALIASES = 20;
  /** Longest value or key, in characters: far beyond any name, duration or description, far below the file limit. */
  static final int MAX_SCALAR_CHARS = 65_536;

  private static final YAMLFactory FACTORY = factory();

  private final LoadContext ctx;
  private final Map<String, YamlNode> anchors = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>(); // lookups only
  private YAMLParser parser;
  private int collectionAliases;
  private int lastLine = 1;
  private int lastColumn = 1;

  private YamlTreeReader(LoadContext ctx) {
    this.ctx = ctx;
  }

  /** Parses {@code text}; returns the root mapping, or null after reporting why there is none. */
  static YamlNode.Mapping read(LoadContext ctx, String text) {
    return new YamlTreeReader(ctx).readDocument(text);
  }

  /**
   * Parses {@code text} as one YAML value of any kind (a scalar, a list or a mapping), as written
   * on the command line; blank text is a null scalar. Returns null after reporting why there is none.
   */
  static YamlNode readAny(LoadContext ctx, String text) {
    if (text.isBlank()) return new YamlNode.Scalar(1, 1, YamlNode.Scalar.Kind.NULL, "", null);
    return new YamlTreeReader(ctx).readRoot(text, false);
  }

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
  }

  /** Thrown inside the reader to stop at the first fatal problem (already reported). */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private YamlNode.Mapping readDocument(String text) {
    return (YamlNode.Mapping) readRoot(text, true);
  }

  private YamlNode readRoot(String text, boolean mappingOnly) {
    try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
      parser = p;
      // We detect duplicate keys ourselves so the problem points at the second key, not past it.
      p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = next();
      if (first == null) {
        ctx.report(1, 1, "", "the file is empty", "write a scenario mapping with at least name, cluster and jobs");
        return null;
      }
      YamlNode root = readValue(first, 1, "", "", -1); // the document itself: path ""
      if (next() != null) {
        ctx.report(lastLine, lastColumn, "", "more than one YAML document in the file",
            "keep one scenario per file; remove the '---' and what follows");
        return null;
      }
      if (!mappingOnly) return root;
      if (!(root instanceof YamlNode.Mapping m)) {
        ctx.report(root, "", "the file holds " + root.describe() + ", not a mapping",
            "start the file with 'name:', 'cluster:' and 'jobs:' keys");
        return null;
      }
      return m;
    } catch (Stop stop) {
      return null;
    } catch (StreamConstraintsException e) {
      reportConstraint(e);
      return null;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at != null && at.getLineNr() > 0 ? at.getLineNr() : lastLine;
      int column = at != null && at.getColumnNr() > 0 ? at.getColumnNr() : lastColumn;
      ctx.report(line, column, "", "YAML syntax error: " + syntaxMessage(e), "fix the YAML syntax at this position");
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits (code points, depth) with its own unchecked exceptions.
      ctx.report(lastLine, lastColumn, "", "cannot read the YAML: " + Suggestions.shorten(String.valueOf(e.getMessage())),
          "fix the YAML at or after this position");
      return null;
    }
  }

  private JsonToken next() throws IOException {
    JsonToken t = parser.nextToken();
    if (t != null) {
      JsonLocation l = parser.currentTokenLocation();
      if (l.getLineNr() > 0) {
        lastLine = l.getLineNr();
        lastColumn = Math.max(1, l.getColumnNr());
      }
    }
    return t;
  }

  /**
   * Reads the value starting at {@code t}: the item {@code index} of the list at {@code parent}, or
   * the value of {@code key} in the mapping at {@code parent}. Paths are built only for lists and
   * mappings and for problems: one string per scalar would double the memory of a large file.
   */
  private YamlNode readValue(JsonToken t, int depth, String parent, String key, int index) throws IOException, Stop {
    int line = lastLine;
    int column = lastColumn;
    String anchor = t == JsonToken.FIELD_NAME ? null : parser.getObjectId();
    YamlNode node;
    switch (t) {
      case START_OBJECT -> node = readMapping(line, column, depth, path(parent, key, index));
      case START_ARRAY -> node = readSequence(line, column, depth, path(parent, key, index));
      case VALUE_STRING -> node = parser.isCurrentAlias() ? alias(line, column, path(parent, key, index)) : scalar(YamlNode.Scalar.Kind.STRING, null, parent, key, index);
      case VALUE_NUMBER_INT -> node = scalar(YamlNode.Scalar.Kind.INTEGER, number(), parent, key, index);
      case VALUE_NUMBER_FLOAT -> node = scalar(YamlNode.Scalar.Kind.DECIMAL, number(), parent, key, index);
      case VALUE_TRUE, VALUE_FALSE -> node = scalar(YamlNode.Scalar.Kind.BOOLEAN, null, parent, key, index);
      case VALUE_NULL -> node = scalar(YamlNode.Scalar.Kind.NULL, null, parent, key, index);
      default -> {
        ctx.report(line, column, path(parent, key, index), "unexpected YAML content (" + t + ")", "write plain mappings, lists and scalars");
        throw new Stop();
      }
    }
    if (anchor != null && !parser.isCurrentAlias()) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /** Jackson's own limits: nesting (also checked here) and the length of a number. */
  private void reportConstraint(StreamConstraintsException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("Number value length")) {
      ctx.report(lastLine, lastColumn, "", "a number with more than " + FACTORY.streamReadConstraints().getMaxNumberLength()
          + " digits", "write a number of reasonable size; no scenario value needs that many digits");
    } else if (m.toLowerCase(Locale.ROOT).contains("nesting depth")) {
      ctx.report(lastLine, lastColumn, "", "lists and mappings nest deeper than " + MAX_DEPTH + " levels",
          "flatten the document; a scenario never needs more than a few levels");
    } else {
      ctx.report(lastLine, lastColumn, "", "the YAML exceeds a parser limit: " + Suggestions.shorten(m.split("\n")[0]),
          "simplify the file at or after this position");
    }
  }

  private YamlNode.Scalar scalar(YamlNode.Scalar.Kind kind, Number number, String parent, String key, int index)
      throws IOException, Stop {
    String text = kind == YamlNode.Scalar.Kind.NULL ? "" : parser.getText();
    if (text != null && text.length() > MAX_SCALAR_CHARS) checkLength(text, "value", path(parent, key, index));
    return new YamlNode.Scalar(lastLine, lastColumn, kind, text == null ? "" : shared(text), number);
  }

  /**
   * One copy of each short text: a large file is mostly the same few values ({@code 1s}, {@code 2}),
   * and the parser hands out a new string for each, which would make the tree twice as large.
   */
  private String shared(String text) {
    if (text.length() > 16) return text;
    String known = texts.get(text);
    if (known != null) return known;
    if (texts.size() < 10_000) texts.put(text, text);
    return text;
  }

  /** The path of a list item ({@code key} null) or of a mapping's value. */
  private static String path(String parent, String key, int index) {
    return key != null ? LoadContext.child(parent, key) : LoadContext.index(parent, index);
  }

  /** A value or key longer than {@link #MAX_SCALAR_CHARS} stops the reading here (no quoting it back). */
  private void checkLength(String text, String what, String path) throws Stop {
    if (text != null && text.length() > MAX_SCALAR_CHARS) {
      ctx.report(lastLine, lastColumn, path, "a " + what + " of " + text.length() + " characters, more than the limit of "
          + MAX_SCALAR_CHARS, "shorten it; no name, duration or description needs to be that long");
      throw new Stop();
    }
  }

  private Number number() {
    try {
      return parser.getNumberValue();
    } catch (IOException | RuntimeException e) {
      return null; // the validator reports "not a number" with the source text
    }
  }

  private YamlNode alias(int line, int column, String path) throws IOException, Stop {
    String name = parser.getText();
    YamlNode target = anchors.get(name);
    if (target == null) {
      ctx.report(line, column, path, "alias *" + Suggestions.shorten(name) + " names no anchor of a list or mapping"
          + " defined before it (anchors on single values are not supported)",
          "anchor a list or mapping with &" + Suggestions.shorten(name) + " earlier in the file, or write the value out");
      throw new Stop();
    }
    if (target instanceof YamlNode.Scalar s) {
      return s.at(line, column);
    }
    if (++collectionAliases > MAX_COLLECTION_ALIASES) {
      ctx.report(line, column, path, "more than " + MAX_COLLECTION_ALIASES + " aliases to lists or mappings",
          "write the values out; this limit protects against alias bombs");
      throw new Stop();
    }
    return target; // shared, never copied: an alias costs no memory
  }

  private YamlNode.Mapping readMapping(int line, int column, int depth, String path) throws IOException, Stop {
    checkDepth(line, column, depth, path);
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    JsonToken t;
    while ((t = next()) != JsonToken.END_OBJECT) {
      if (t != JsonToken.FIELD_NAME) {
        ctx.report(lastLine, lastColumn, path, "unexpected YAML content in a mapping", "write key: value pairs");
        throw new Stop();
      }
      String key = parser.currentName();
      checkLength(key, "key", path);
      int keyLine = lastLine;
      int keyColumn = lastColumn;
      YamlNode value = readValue(next(), depth + 1, path, key, -1);
      YamlNode.Entry previous = entries.get(key);
      if ("<<".equals(key)) {
        ctx.report(keyLine, keyColumn, LoadContext.child(path, key), "YAML merge keys (<<) are not supported", "write the keys out in this mapping");
      } else if (previous != null) {
        ctx.report(keyLine, keyColumn, LoadContext.child(path, key), "duplicate key '" + Suggestions.shorten(key) + "' (first at line " + previous.line() + ")",
            "keep only one '" + Suggestions.shorten(key) + "' in this mapping");
      } else {
        entries.put(key, new YamlNode.Entry(key, keyLine, keyColumn, value));
      }
    }
    return new YamlNode.Mapping(line, column, entries);
  }

  private YamlNode.Sequence readSequence(int line, int column, int depth, String path) throws IOException, Stop {
    checkDepth(line, column, depth, path);
    List<YamlNode> items = new ArrayList<>();
    JsonToken t;
    while ((t = next()) != JsonToken.END_ARRAY) {
      items.add(readValue(t, depth + 1, path, null, items.size()));
    }
    return new YamlNode.Sequence(line, column, items);
  }

  private void checkDepth(int line, int column, int depth, String path) throws Stop {
    if (depth > MAX_DEPTH) {
      ctx.report(line, column, path, "lists and mappings nest deeper than " + MAX_DEPTH + " levels",
          "flatten the document; a scenario never needs more than a few levels");
      throw new Stop();
    }
  }

  /** SnakeYAML's message without its source excerpts: "while parsing X: expected Y, but got Z". */
  private static String syntaxMessage(JsonProcessingException e) {
    String raw = String.valueOf(e.getMessage());
    List<String> parts = new ArrayList<>();
    for (String l : raw.split("\n")) {
      String s = l.strip();
      if (s.isEmpty() || l.startsWith(" ") || s.startsWith("^") || s.startsWith("in '") || s.startsWith("at [")) continue;
      parts.add(s);
    }
    String message = parts.isEmpty() ? String.valueOf(e.getOriginalMessage()).strip() : String.join(": ", parts);
    message = message.replace('\n', ' ');
    return message.length() <= 200 ? message : message.substring(0, 200) + "...";
  }
}
