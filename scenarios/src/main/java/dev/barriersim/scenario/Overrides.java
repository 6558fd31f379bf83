package dev.barriersim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line's {@code --set PATH=VALUE} options, applied to the read YAML tree before anything
 * is validated, so that each value is parsed and checked exactly as if it stood in the file. A
 * problem of a value (or of its path) names the option instead of a line:
 * {@code --set cluster.executors[0].cont=8: cluster.executors[0].cont: unknown key 'cont'; did you mean 'count'?}.
 */
final class Overrides {
  private Overrides() {}

  /** The tree after the options, and the resolved path of each option that applied (for pinning swept keys). */
  record Applied(YamlNode.Mapping root, List<List<SetPath.Step>> paths) {}

  /** Applies {@code sets} in order (a later one wins); problems go to {@code c}, each located at its option. */
  static Applied apply(LoadContext c, YamlNode.Mapping root, List<String> sets) {
    List<List<SetPath.Step>> paths = new ArrayList<>();
    for (String set : sets) {
      int line = c.addOrigin("--set " + set);
      int eq = set.indexOf('=');
      if (eq < 0) {
        c.report(line, 0, "", "expected PATH=VALUE", "write e.g. --set cluster.executors[0].count=8");
        continue;
      }
      SetPath.Parsed parsed = SetPath.parse(set.substring(0, eq));
      if (parsed.path() == null) {
        c.report(line, 0, "", "cannot read the path: " + parsed.error(),
            "write keys separated by '.', list items as [index] or [name], e.g. jobs[fit].stages[train].tasks");
        continue;
      }
      YamlNode value = value(c, line, set.substring(eq + 1));
      if (value == null) continue;
      TreeEdit.Resolved r = TreeEdit.resolve(root, parsed.path());
      if (!r.ok()) {
        c.report(line, 0, r.at(), r.error(), r.fix());
        continue;
      }
      root = TreeEdit.put(root, r.steps(), value);
      paths.add(r.steps());
    }
    return new Applied(root, paths);
  }

  /** The value as YAML, located at the option; null after reporting a syntax problem there. */
  private static YamlNode value(LoadContext c, int line, String text) {
    LoadContext own = new LoadContext(c.file(), c.notYetSupported());
    YamlNode node = YamlTreeReader.readAny(own, text);
    if (own.hasProblems() || node == null) {
      for (Problem p : own.problemsInFileOrder()) {
        c.report(line, 0, "", "cannot read the value: " + p.message(), p.fix());
      }
      if (!own.hasProblems()) c.report(line, 0, "", "cannot read the value", "write a YAML value, e.g. 8, 2m or {gpu: 2}");
      return null;
    }
    return TreeEdit.relocate(node, line, 0);
  }
}
