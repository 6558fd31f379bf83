package dev.barriersim.report.chart;

import dev.barriersim.report.data.ScenarioConf;
import dev.barriersim.report.data.ScenarioFiles;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A colour per stage, fixed by the order in which stages are first named (the scenario's
 * declaration order, then first appearance), so that both modes and every chart agree. Red and
 * grey are left out: they mean failed and killed attempts; so are blue and orange, the colours of
 * the two arms on every chart and page.
 */
final class StagePalette {
  static final List<Color> COLORS = List.of(
      new Color(0x59, 0xa1, 0x4f), new Color(0xb0, 0x7a, 0xa1), new Color(0x49, 0x98, 0x94),
      new Color(0xed, 0xc9, 0x48), new Color(0x9c, 0x75, 0x5f), new Color(0x6b, 0x3e, 0x8e),
      new Color(0x8c, 0xd1, 0x7d), new Color(0xff, 0x9d, 0xa7), new Color(0xbc, 0xbd, 0x22),
      new Color(0x86, 0xbc, 0xb6), new Color(0xd4, 0xa6, 0xc8), new Color(0x3d, 0x6b, 0x3a));

  private final Map<String, Integer> index = new LinkedHashMap<>();

  StagePalette(List<String> declared) {
    declared.forEach(this::indexOf);
  }

  /**
   * The palette of a folder: the scenario's declared stages, then those its runs name (a folder
   * without a scenario copy), so that every chart of the folder gives a stage the same colour.
   */
  static StagePalette of(ScenarioFiles in, ScenarioConf conf) {
    StagePalette p = new StagePalette(conf.declaredStages());
    for (String mode : in.modes()) {
      in.first(mode).ifPresent(r -> r.stages().forEach(s -> p.indexOf(ScenarioConf.stageKey(s.job(), s.stage()))));
    }
    return p;
  }

  /** The stage's position in the palette order, adding it at the end when new. */
  int indexOf(String stageKey) {
    return index.computeIfAbsent(stageKey, k -> index.size());
  }

  /** Every stage, in palette order. */
  List<String> stages() {
    return new ArrayList<>(index.keySet());
  }

  /** The colour of the stage at {@code i} in palette order. */
  static Color color(int i) {
    return COLORS.get(i % COLORS.size());
  }
}
