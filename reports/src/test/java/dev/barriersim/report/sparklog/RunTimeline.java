package dev.barriersim.report.sparklog;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.Simulations;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.StageInfo;
import dev.barriersim.core.observe.SimulationListener;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's timeline keyed by Spark's ids, times measured from the first job start: every task
 * attempt's launch, end and status, and every job's end. A scenario imported from an exported log
 * names its jobs and stages after the exported ids ({@code job-3}, {@code stage-7}); with
 * {@code idsFromNames} those names give the keys, so both runs are keyed alike.
 */
final class RunTimeline {
  /** "job J stage S.A partition P attempt N" -> "launch end STATUS"; "job J" -> "end STATUS". */
  final Map<String, String> entries = new TreeMap<>();

  private RunTimeline() {}

  /** Runs {@code spec}, also writing its Spark event log to {@code log} when not null. */
  static RunTimeline run(SimulationSpec spec, boolean idsFromNames, Writer log) {
    RunTimeline t = new RunTimeline();
    Map<String, Integer> stageIds = new HashMap<>();
    Map<String, Integer> jobIds = new HashMap<>();
    Map<String, long[]> launches = new HashMap<>();
    long[] origin = {-1};
    SimulationListener l = new SimulationListener() {
      @Override
      public void onEvent(SimEvent e) {
        if (e instanceof SimEvent.JobStarted j) {
          if (origin[0] < 0) origin[0] = j.t();
          jobIds.put(j.job(), idsFromNames ? id(j.job()) : j.jobId());
          for (StageInfo s : j.stages()) stageIds.put(j.job() + "/" + s.name(), idsFromNames ? id(s.name()) : s.stageId());
        } else if (e instanceof SimEvent.TaskEnded x) {
          String key = "job " + jobIds.get(x.job()) + " stage " + stageIds.get(x.job() + "/" + x.stage()) + "."
              + x.stageAttempt() + " partition " + x.partition() + " attempt " + x.attempt();
          t.entries.put(key, (x.launchMs() - origin[0]) + " " + (x.t() - origin[0]) + " " + x.status());
        } else if (e instanceof SimEvent.JobEnded j && jobIds.containsKey(j.job())) {
          t.entries.put("job " + jobIds.get(j.job()), (j.t() - origin[0]) + " " + j.result());
        }
      }
    };
    RunOutputs outputs = RunOutputs.none().withListener(l);
    if (log != null) outputs = outputs.withListener(new SparkEventLogWriter(log, spec, "barrier"));
    Simulations.run(spec, outputs);
    return t;
  }

  /** The id in a name an import gave: {@code job-4} -> 4. */
  private static int id(String name) {
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
  }

  /** The entries of both on which they differ by more than {@code toleranceMs}, or differ in status or presence. */
  static Map<String, String> differences(RunTimeline a, RunTimeline b, long toleranceMs) {
    Map<String, String> out = new TreeMap<>();
    for (String k : a.entries.keySet()) {
      String x = a.entries.get(k);
      String y = b.entries.get(k);
      if (y == null || !close(x, y, toleranceMs)) out.put(k, x + " | " + y);
    }
    for (String k : b.entries.keySet()) if (!a.entries.containsKey(k)) out.put(k, "null | " + b.entries.get(k));
    return out;
  }

  private static boolean close(String x, String y, long tol) {
    String[] p = x.split(" ");
    String[] q = y.split(" ");
    if (p.length != q.length) return false;
    for (int i = 0; i < p.length; i++) {
      boolean numbers = p[i].matches("-?\\d+") && q[i].matches("-?\\d+");
      if (numbers ? Math.abs(Long.parseLong(p[i]) - Long.parseLong(q[i])) > tol : !p[i].equals(q[i])) return false;
    }
    return true;
  }
}
