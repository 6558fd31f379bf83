package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.random.Distribution;
import dev.barriersim.core.random.Distribution.Continuous;
import dev.barriersim.core.random.Distribution.Continuous.Kind;
import dev.barriersim.core.random.DurationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionTest {
  private static DurationSpec duration(String spec) throws ScenarioException {
    return Yaml.load(Yaml.MINIMAL.replace("duration: 1s", "duration: " + spec)).spec().jobs().get(0).stages().get(0).phases().get(0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{dist: uniform, min: 1s, max: 3s}|UNIFORM|1000|3000",
      "{dist: exponential, mean: 10s}|EXPONENTIAL|10000|0",
      "{dist: lognormal, median: 2m, sigma: 0.3}|LOGNORMAL|120000|0.3",
      "{dist: weibull, shape: 1.5, scale: 20s}|WEIBULL|1.5|20000",
      "{dist: pareto, scale: 5s, shape: 2.5}|PARETO|5000|2.5",
      "{dist: gamma, shape: 2, scale: 500ms}|GAMMA|2|500",
      "{dist: normal, mean: 10s, stddev: 2s}|NORMAL|10000|2000"})
  void continuousFamiliesMapToKindAndParametersInMs(String yaml, Kind kind, double a, double b) throws Exception {
    DurationSpec d = duration(yaml);
    assertEquals(new Continuous(kind, a, b), d.dist());
    assertEquals(1, d.minMs());
    assertEquals(DurationSpec.NO_MAX, d.maxMs());
  }

  @Test
  void shorthandAndConstant() throws Exception {
    assertEquals(DurationSpec.constant(20_000), duration("20s"));
    assertEquals(new Distribution.Constant(1_500), duration("{dist: constant, value: 1.5s}").dist());
  }

  @Test
  void valuesAreOnePerPartitionAndEmpiricalIsAPool() throws Exception {
    Distribution v = duration("{dist: values, values: [1s, 2s]}").dist();
    assertTrue(v instanceof Distribution.PerPartition);
    assertArrayEquals(new long[] {1_000, 2_000}, ((Distribution.PerPartition) v).valuesMs());
    Distribution e = duration("{dist: empirical, values: [1s, 2s, 3s, 500ms]}").dist();
    assertTrue(e instanceof Distribution.Empirical);
    assertArrayEquals(new long[] {1_000, 2_000, 3_000, 500}, ((Distribution.Empirical) e).valuesMs());
  }

  @Test
  void clamps() throws Exception {
    DurationSpec d = duration("{dist: exponential, mean: 10s, min: 2s, max: 1m}");
    assertEquals(2_000, d.minMs());
    assertEquals(60_000, d.maxMs());
  }

  @Test
  void uniformTakesNoClampsBecauseMinAndMaxAreItsParameters() throws Exception {
    DurationSpec d = duration("{dist: uniform, min: 1s, max: 2s}");
    assertEquals(new Continuous(Kind.UNIFORM, 1_000, 2_000), d.dist());
    assertEquals(1, d.minMs());
  }

  @Test
  void valuesLengthMustEqualTasks() {
    List<String> lines = Yaml.lines(Yaml.MINIMAL.replace("duration: 1s", "duration: {dist: values, values: [1s, 2s, 3s]}"));
    assertEquals(List.of("test.yaml:10:42: jobs[0].stages[0].duration.values: has 3 entries but the stage has 2 tasks; "
        + "give exactly one duration per partition (2), or use dist: empirical to draw from the list"), lines);
  }

  @Test
  void parameterProblems() {
    List<String> lines = Yaml.lines(Yaml.MINIMAL.replace("duration: 1s", """
        phases:
                  - {dist: lognormal, median: 2m}
                  - {dist: weibul, shape: 1, scale: 1s}
                  - {dist: gamma, shape: 0, scale: 1s}
                  - {dist: exponential, mean: 10s, sigma: 1}
                  - {dist: uniform, min: 3s, max: 1s}
                  - {dist: normal, mean: 10, stddev: 1s}
                  - {dist: exponential, mean: 10s, min: 5s, max: 1s}"""));
    assertEquals(List.of(
        "test.yaml:11:13: jobs[0].stages[0].phases[0]: missing required key 'sigma'; add sigma: 0.3",
        "test.yaml:12:20: jobs[0].stages[0].phases[1].dist: unknown distribution 'weibul'; did you mean 'weibull'?",
        "test.yaml:13:34: jobs[0].stages[0].phases[2].shape: shape must be > 0, found 0.0; write a positive number such as 0.5 or 2",
        "test.yaml:14:44: jobs[0].stages[0].phases[3].sigma: unknown key 'sigma'; allowed keys here: dist, mean, min, max",
        "test.yaml:15:43: jobs[0].stages[0].phases[4].max: uniform max 1s must be above min 3s; make max > min",
        "test.yaml:16:34: jobs[0].stages[0].phases[5].mean: '10' has no unit; write 10s (or ms, m, min, h, d)",
        "test.yaml:17:58: jobs[0].stages[0].phases[6].max: max clamp 1s is below min 5s; make max >= min"), lines);
  }
}
