package dev.barriersim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.core.RunOutputs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
  private static ScenarioResult result(Mode... modes) {
    RunPlan plan = new RunPlan(FakeEngine.spec("demo", 42, true), List.of(modes), 1);
    List<RunRecord> runs = plan.runs().stream()
        .map(k -> new RunRecord(k, FakeEngine.ok().run(plan.specOf(k), RunOutputs.none()))).toList();
    return new ScenarioResult(plan, Path.of("x"), runs);
  }

  @Test
  void sideBySideWithDifference() {
    // Fake: makespan 1542 vs 1042 ms, 4000 busy core-ms on 4 cores: 4000/6168 = 64.9 %, 4000/4168 = 96.0 %.
    String expected = """
        metric                     |        barrier |    non-barrier |             diff
        ---------------------------+----------------+----------------+-----------------
        outcome                    |      COMPLETED |      COMPLETED |
        makespan                   | 1542 ms (1.5s) | 1042 ms (1.0s) | +500 ms (+500ms)
        jobs succeeded             |              1 |              1 |               +0
        jobs failed                |              0 |              0 |               +0
        tasks launched             |              4 |              4 |               +0
        tasks failed               |              0 |              0 |               +0
        tasks killed               |              0 |              0 |               +0
        utilization                |          64.9% |          96.0% |         -31.1 pp
        wasted core-ms             |              0 |              0 |               +0
        barrier wait ms            |            500 |              0 |             +500
        idle core-ms, gang waiting |           1000 |              0 |            +1000
        core-ms in barrier()       |            700 |              0 |             +700
        rounds skipped             |              2 |              0 |               +2
        slot-check failures        |              0 |              0 |               +0
        """;
    String table = ComparisonTable.render(result(Mode.BARRIER, Mode.NON_BARRIER));
    assertEquals(expected, table);
    assertTrue(table.chars().allMatch(c -> c < 128), "plain ASCII");
  }

  @Test
  void oneModeHasNoDiffColumn() {
    String table = ComparisonTable.render(result(Mode.NON_BARRIER));
    assertEquals("metric                     |    non-barrier", table.lines().findFirst().orElseThrow());
  }
}
