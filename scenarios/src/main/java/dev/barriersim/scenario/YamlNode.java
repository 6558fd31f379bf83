package dev.barriersim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML node that remembers where it starts (1-based line and column), so that every
 * problem can point at the exact token. Jackson's own tree drops locations, hence this small one.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  /** 1-based line of the node's first token. */
  int line();

  /** 1-based column of the node's first token. */
  int column();

  /** A short description for "expected X, found Y" messages. */
  String describe();

  /** One {@code key: value} pair; the key keeps its own location for unknown-key problems. */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** A mapping; entries in file order. */
  record Mapping(int line, int column, Map<String, Entry> entries) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence (list). */
  record Sequence(int line, int column, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A scalar as the YAML parser typed it; {@code text} is the source text without quotes and
   * {@code number} is set for INTEGER and DECIMAL tokens when the parser could read it.
   */
  record Scalar(int line, int column, Kind kind, String text, Number number) implements YamlNode {
    /** How the YAML parser typed a scalar (a quoted scalar is always a STRING). */
    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    @Override
    public String describe() {
      return switch (kind) {
        case NULL -> "no value";
        case STRING -> "the text '" + Suggestions.shorten(text) + "'";
        case BOOLEAN -> "the boolean " + text;
        case INTEGER, DECIMAL -> "the number " + Suggestions.shorten(text);
      };
    }

    /** A copy placed elsewhere (an alias of a scalar points at the alias, not at the anchor). */
    Scalar at(int newLine, int newColumn) {
      return new Scalar(newLine, newColumn, kind, text, number);
    }
  }
}
