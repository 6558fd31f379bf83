package dev.barriersim.report;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.cluster.ClusterSpec;
import dev.barriersim.core.cluster.ExecutorGroup;
import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A stand-in engine for tests of the reports alone: deterministic results that depend on the
 * seed and on whether the spec has a barrier stage, a few event and task lines, and an optional
 * failure after writing (to test that nothing half-written is left).
 */
public final class FakeEngine implements Engine {
  private final Predicate<SimulationSpec> failWhen;

  private FakeEngine(Predicate<SimulationSpec> failWhen) {
    this.failWhen = failWhen;
  }

  /** Never fails. */
  public static FakeEngine ok() {
    return new FakeEngine(s -> false);
  }

  /** Throws an {@link IllegalStateException} after writing, for the specs matching {@code when}. */
  public static FakeEngine failing(Predicate<SimulationSpec> when) {
    return new FakeEngine(when);
  }

  /** The makespan the fake reports for {@code spec}. */
  public static long makespan(SimulationSpec spec) {
    return 1000 + Math.floorMod(spec.seed(), 1000) + (spec.hasBarrierStage() ? 500 : 0);
  }

  /** A one-job spec of 4 tasks on 2 executors x 2 cores. */
  public static SimulationSpec spec(String name, long seed, boolean barrier) {
    StageSpec stage = new StageSpec("s", 4, barrier, List.of(), null, List.of(DurationSpec.constant(1000)), null);
    return new SimulationSpec(name, seed, new ClusterSpec(List.of(new ExecutorGroup(2, 2, Map.of(), 1)), List.of()),
        null, null, null, List.of(new JobSpec("j", 0, null, null, List.of(stage))), null);
  }

  @Override
  public RunResult run(SimulationSpec spec, RunOutputs outputs) {
    long makespan = makespan(spec);
    boolean barrier = spec.hasBarrierStage();
    String events = "{\"t\":0,\"type\":\"JobSubmitted\",\"job\":\"j\",\"seed\":" + spec.seed() + "}\n"
        + "{\"t\":0,\"type\":\"TaskLaunched\",\"job\":\"j\"}\n"
        + "{\"t\":" + makespan + ",\"type\":\"JobEnded\",\"job\":\"j\",\"status\":\"SUCCEEDED\"}\n";
    String tasks = "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,reason,taskId\n"
        + "j,s,0,0,0,0,host-0,0," + makespan + ",SUCCESS,,0\n";
    try {
      if (outputs.eventLog() != null) outputs.eventLog().write(events);
      if (outputs.taskTimeline() != null) outputs.taskTimeline().write(tasks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (failWhen.test(spec)) throw new IllegalStateException("fake engine broke an invariant");
    long busy = 4000;
    long idle = 4 * makespan - busy;
    return new RunResult(Outcome.COMPLETED, makespan, 3, sha256(events),
        List.of(new RunResult.JobResult("j", "SUCCEEDED", 0, 0L, makespan, null)),
        List.of(new RunResult.StageResult("j", "s", 0, barrier, 1, "SUCCEEDED", 0L, makespan)),
        new RunResult.TaskCounts(4, 4, 0, 0),
        new RunResult.CoreUsage(4, busy, idle, 0, busy / (double) (busy + idle)),
        new RunResult.BarrierMetrics(0, barrier ? 2 : 0, barrier ? 500 : 0, barrier ? 1000 : 0, barrier ? 700 : 0, 0),
        List.of());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
