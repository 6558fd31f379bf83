package dev.barriersim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML path as {@code --set} and {@code sweep:} write it: keys separated by dots, list items by
 * index or, for lists of named items (jobs, stages, pools), by name:
 * {@code cluster.executors[0].count}, {@code jobs[fit].stages[train].tasks}. Under {@code spark}
 * the rest is one Spark key, with or without its own {@code spark.} prefix
 * ({@code spark.task.cpus} and {@code spark.spark.task.cpus} are the same path); under
 * {@code sweep} (and {@code sweep.zip}) the rest is one sweep key.
 *
 * @param text the path as written
 * @param steps the keys and selectors, in order
 */
record SetPath(String text, List<Step> steps) {
  /** One step of a path. */
  sealed interface Step permits Key, Index, Named {}

  /** A mapping key. */
  record Key(String key) implements Step {}

  /** A list item by position. */
  record Index(int index) implements Step {}

  /** A list item by its {@code name}. */
  record Named(String name) implements Step {}

  /** A parsed path, or why the text is not one. */
  record Parsed(SetPath path, String error) {}

  /** Freezes the steps. */
  SetPath {
    steps = List.copyOf(steps);
  }

  /** Reads {@code text}; never throws. */
  static Parsed parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) return new Parsed(null, "the path is empty");
    if (t.equals("spark") || t.startsWith("spark.")) {
      List<Step> steps = new ArrayList<>(List.of(new Key("spark")));
      if (t.length() > "spark.".length()) {
        String rest = t.substring("spark.".length());
        steps.add(new Key(rest.startsWith("spark.") ? rest : "spark." + rest));
      }
      return new Parsed(new SetPath(t, steps), null);
    }
    if (t.equals("sweep") || t.startsWith("sweep.")) {
      List<Step> steps = new ArrayList<>(List.of(new Key("sweep")));
      if (t.length() > "sweep.".length()) {
        String rest = t.substring("sweep.".length());
        if (rest.startsWith("zip.")) {
          steps.add(new Key("zip"));
          rest = rest.substring("zip.".length());
        }
        if (!rest.isEmpty()) steps.add(new Key(rest));
      }
      return new Parsed(new SetPath(t, steps), null);
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      int start = i;
      while (i < t.length() && t.charAt(i) != '.' && t.charAt(i) != '[' && t.charAt(i) != ']') i++;
      if (i == start) return new Parsed(null, "a key is missing at character " + (start + 1));
      steps.add(new Key(t.substring(start, i)));
      while (i < t.length() && t.charAt(i) == '[') {
        int close = t.indexOf(']', i);
        if (close < 0) return new Parsed(null, "'[' at character " + (i + 1) + " is not closed");
        String sel = t.substring(i + 1, close).strip();
        if (sel.matches("\\d{1,9}")) {
          steps.add(new Index(Integer.parseInt(sel)));
        } else if (Values.NAME.matcher(sel).matches()) {
          steps.add(new Named(sel));
        } else {
          return new Parsed(null, "'[" + Suggestions.shorten(sel) + "]' is neither an index nor a name");
        }
        i = close + 1;
      }
      if (i < t.length()) {
        if (t.charAt(i) != '.') return new Parsed(null, "unexpected '" + t.charAt(i) + "' at character " + (i + 1));
        i++;
        if (i == t.length()) return new Parsed(null, "the path ends with '.'");
      }
    }
    return new Parsed(new SetPath(t, steps), null);
  }

  /** True when every step is a key or an index (names resolved). */
  boolean concrete() {
    return steps.stream().noneMatch(s -> s instanceof Named);
  }

  /** The YAML path as problems print it: {@code jobs[0].stages[1].tasks}. */
  static String display(List<Step> steps) {
    String out = "";
    for (Step s : steps) {
      if (s instanceof Key k) out = LoadContext.child(out, k.key());
      else if (s instanceof Index x) out = LoadContext.index(out, x.index());
      else out = out + "[" + ((Named) s).name() + "]";
    }
    return out;
  }

  /** The last key of the path ({@code tasks} of {@code jobs[fit].stages[train].tasks}). */
  String lastKey() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i) instanceof Key k) return k.key();
    }
    return text;
  }
}
