package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.spark.SpeculationConf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code spark.speculation} and its keys: Spark 3.5.9's defaults, values read, located errors. */
class SpeculationKeysTest {

  @Test
  void absentKeys_leaveSpeculationOffWithSparksDefaults() throws Exception {
    SpeculationConf s = Yaml.load(Yaml.MINIMAL).spec().conf().speculation();
    assertEquals(new SpeculationConf(false, 100, 1.5, 0.75, 100), s);
  }

  @Test
  void everyKeyIsRead() throws Exception {
    SpeculationConf s = Yaml.load(Yaml.MINIMAL + """
        spark:
          spark.speculation: true
          spark.speculation.interval: 1s
          spark.speculation.multiplier: 2
          spark.speculation.quantile: "0.5"
          spark.speculation.minTaskRuntime: 3s
        """).spec().conf().speculation();
    assertTrue(s.enabled());
    assertEquals(new SpeculationConf(true, 1000, 2.0, 0.5, 3000), s);
  }

  @Test
  void badValuesAreLocatedErrors() {
    List<String> lines = Yaml.lines(Yaml.MINIMAL + """
        spark:
          spark.speculation: maybe
          spark.speculation.interval: 0ms
          spark.speculation.quantile: -1
          spark.speculation.minTaskRuntime: 100
        """);
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("test.yaml:12:3") || lines.get(0).startsWith("test.yaml:12:"), lines.get(0));
    assertTrue(lines.get(0).contains("spark.spark.speculation:"), lines.get(0));
    assertTrue(lines.get(1).contains("spark.spark.speculation.interval:"), lines.get(1));
    assertTrue(lines.get(2).contains("spark.spark.speculation.quantile:"), lines.get(2));
    assertTrue(lines.get(3).contains("spark.spark.speculation.minTaskRuntime:") && lines.get(3).contains("unit"),
        lines.get(3));
    assertFalse(lines.stream().anyMatch(l -> l.contains("Exception")));
  }
}
