package dev.barriersim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A node written back as one line of flow YAML ({@code 8}, {@code 2m}, {@code {gpu: 2}},
 * {@code [a, b]}), which reads back as the same node: how a sweep point's values are shown and
 * recorded as {@code --set PATH=VALUE}.
 */
final class YamlText {
  private YamlText() {}

  /** Text that YAML reads back as the same plain string. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./ #-]*");
  /** Plain texts that YAML would read as something other than a string. */
  private static final Pattern TYPED = Pattern.compile(
      "(?i)[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+([eE][-+]?[0-9]+)?|null|~|true|false|yes|no|on|off|y|n"
          + "|[-+]?\\.(inf|nan)|0x[0-9a-f]+|0o?[0-7]+|[0-9]+(:[0-5]?[0-9])+");

  /** The node as flow YAML. */
  static String flow(YamlNode node) {
    if (node instanceof YamlNode.Scalar s) {
      return switch (s.kind()) {
        case NULL -> "null";
        case STRING -> string(s.text());
        default -> s.text().strip();
      };
    }
    if (node instanceof YamlNode.Sequence s) {
      List<String> items = new ArrayList<>();
      for (YamlNode item : s.items()) items.add(flow(item));
      return "[" + String.join(", ", items) + "]";
    }
    List<String> entries = new ArrayList<>();
    for (YamlNode.Entry e : ((YamlNode.Mapping) node).entries().values()) {
      entries.add(string(e.key()) + ": " + flow(e.value()));
    }
    return "{" + String.join(", ", entries) + "}";
  }

  private static String string(String text) {
    if (PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.contains(" #") && !TYPED.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "''") + "'";
  }
}
