package dev.barriersim.scenario.sparklog;

import java.util.List;

/** Builds the scenario's YAML text line by line, with comments and safely quoted scalars. */
final class YamlText {
  private static final int WRAP = 100;
  private final StringBuilder out = new StringBuilder();

  /** A full-line comment (control characters removed) at {@code indent} spaces. */
  YamlText comment(int indent, String text) {
    out.append(" ".repeat(indent)).append("# ").append(clean(text)).append('\n');
    return this;
  }

  /** A line of YAML, with an optional trailing comment. */
  YamlText line(int indent, String yaml, String comment) {
    out.append(" ".repeat(indent)).append(yaml);
    if (comment != null && !comment.isEmpty()) out.append("  # ").append(clean(comment));
    out.append('\n');
    return this;
  }

  YamlText line(int indent, String yaml) {
    return line(indent, yaml, null);
  }

  YamlText blank() {
    out.append('\n');
    return this;
  }

  /** {@code key: [a, b, ...]} as a flow sequence wrapped at about 100 characters. */
  YamlText flowList(int indent, String prefix, List<String> items, String suffix) {
    StringBuilder line = new StringBuilder(" ".repeat(indent)).append(prefix).append('[');
    int cont = indent + 4;
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i + 1 < items.size() ? "," : "");
      if (line.length() + item.length() + 1 > WRAP && line.charAt(line.length() - 1) != '[') {
        out.append(line).append('\n');
        line = new StringBuilder(" ".repeat(cont));
      } else if (line.charAt(line.length() - 1) != '[') {
        line.append(' ');
      }
      line.append(item);
    }
    out.append(line).append(']').append(suffix).append('\n');
    return this;
  }

  /** A double-quoted YAML string. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') q.append('\\').append(c);
      else if (c < 0x20 || c == 0x7F) q.append(' ');
      else q.append(c);
    }
    return q.append('"').toString();
  }

  /** Comment text: one line, no control characters. */
  static String clean(String s) {
    StringBuilder c = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      c.append(ch < 0x20 || ch == 0x7F ? ' ' : ch);
    }
    return c.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
