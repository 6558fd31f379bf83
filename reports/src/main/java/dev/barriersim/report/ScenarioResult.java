package dev.barriersim.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every run of one scenario, in plan order, and the folder they were written to. */
public record ScenarioResult(RunPlan plan, Path outDir, List<RunRecord> runs) {
  /** Freezes the list. */
  public ScenarioResult {
    runs = List.copyOf(runs);
  }

  /** Replication 0 of {@code mode}, if that mode ran. */
  public Optional<RunRecord> first(Mode mode) {
    return runs.stream().filter(r -> r.mode() == mode && r.replication() == 0).findFirst();
  }

  /** Every replication of {@code mode}, in order. */
  public List<RunRecord> of(Mode mode) {
    return runs.stream().filter(r -> r.mode() == mode).toList();
  }
}
