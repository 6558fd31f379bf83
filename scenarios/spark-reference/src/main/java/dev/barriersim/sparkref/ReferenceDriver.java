package dev.barriersim.sparkref;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * Runs one reference case on real Spark and writes its recording: starts the cluster, warms the
 * executors up, measures the phase of the driver's periodic revive with a probe, submits the timed
 * jobs and runs the case's actions at their times, then writes what {@link TaskRecorder} saw.
 * Usage: {@code ReferenceDriver CASE.json OUTDIR}; exit code 0 recorded, 2 bad usage, 1 failure.
 */
public final class ReferenceDriver {
  private ReferenceDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ReferenceDriver CASE.json OUTDIR");
      System.exit(2);
    }
    CaseSpec spec = CaseSpec.read(Path.of(args[0]));
    Path out = Path.of(args[1]);
    int code = new Run(spec, out).record();
    System.exit(code);
  }

  /** One recording. */
  private static final class Run {
    private final CaseSpec spec;
    private final Path out;
    private final StringBuilder summary = new StringBuilder();

    Run(CaseSpec spec, Path out) {
      this.spec = spec;
      this.out = out;
    }

    int record() throws Exception {
      long wallStart = System.currentTimeMillis();
      String loadBefore = loadAverage();
      Path work = Path.of(System.getProperty("sparkref.work", "target/work")).toAbsolutePath();
      SparkConf conf = new SparkConf().setAppName("sparkref-" + spec.name())
          .set("spark.home", System.getProperty("sparkref.home", "target/spark-home"))
          .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
          .set("spark.ui.enabled", "false")
          .set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1")
          .set("spark.local.dir", work.resolve("local").toString());
      StandaloneCluster cluster = null;
      if (spec.master().equals("standalone")) {
        conf.set("spark.executor.memory", "512m");
        cluster = new StandaloneCluster(conf, work);
        for (CaseSpec.Worker w : spec.workers()) if (w.startAtMs() == 0) cluster.startWorker(w.host(), w.cores());
        conf.setMaster(cluster.masterUrl());
      } else {
        conf.setMaster(spec.master());
      }
      spec.conf().forEach(conf::set);
      SparkContext sc = new SparkContext(conf);
      Set<String> timed = new LinkedHashSet<>();
      spec.jobs().forEach(j -> timed.add(j.name()));
      Workload workload = new Workload(sc, spec.jobs());
      TaskRecorder recorder = new TaskRecorder(timed, workload.stageOfRdd);
      sc.addSparkListener(recorder);
      recorder.awaitExecutors(spec.initialExecutors(), 120_000);
      int slots = spec.initialSlots();
      for (int round = 0; round < 2; round++) warmUp(sc, slots, "warmup-" + round, true);
      long probe = reviveProbe(sc, recorder, slots);

      ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
      long base = System.currentTimeMillis() + 500;
      List<Thread> jobThreads = new ArrayList<>();
      for (CaseSpec.Job j : spec.jobs()) {
        Thread t = new Thread(() -> {
          sleepUntil(base + j.submitAtMs());
          sc.setJobGroup(j.name(), j.name(), j.interruptOnCancel());
          try {
            workload.results.get(j.name()).count();
          } catch (RuntimeException e) {
            System.err.println("job " + j.name() + " failed (recorded as such): " + firstLine(e.getMessage()));
          }
        }, "job-" + j.name());
        t.start();
        jobThreads.add(t);
      }
      for (CaseSpec.Action a : spec.actions()) {
        StandaloneCluster c = cluster;
        timer.schedule(() -> act(sc, c, recorder, a, slots), Math.max(0, base + a.atMs() - System.currentTimeMillis()),
            TimeUnit.MILLISECONDS);
      }
      for (Thread t : jobThreads) t.join(300_000);
      long deadline = System.currentTimeMillis() + 30_000;
      while (!recorder.allEnded() && System.currentTimeMillis() < deadline) Thread.sleep(100);
      Thread.sleep(500);
      timer.shutdownNow();

      long origin = recorder.jobs().stream().mapToLong(TaskRecorder.Job::submitted).min().orElse(base);
      RecordingWriter.write(out, origin, recorder);
      long interval = sc.conf().getTimeAsMs("spark.scheduler.revive.interval", "1s");
      summary.append("case: ").append(spec.name()).append('\n')
          .append("description: ").append(spec.description()).append('\n')
          .append("spark: ").append(sc.version()).append(", master ").append(spec.master())
          .append(spec.master().equals("standalone") ? " (" + sc.master() + ")" : "").append('\n')
          .append("java: ").append(System.getProperty("java.version")).append(", ")
          .append(Runtime.getRuntime().availableProcessors()).append(" cores\n")
          .append("load average before: ").append(loadBefore).append(", after: ").append(loadAverage()).append('\n')
          .append("t0 (time 0, first timed job's submission) = ").append(origin).append(" ms since the epoch\n")
          .append("revive probe: gang launched at ").append(probe - origin).append(" ms (interval ").append(interval)
          .append(" ms, so revive ticks at ").append(Math.floorMod(probe - origin, interval)).append(" ms + k x ")
          .append(interval).append(" ms)\n")
          .append("recorded attempts: ").append(recorder.attempts().size()).append(", jobs: ");
      for (TaskRecorder.Job j : recorder.jobs()) {
        summary.append(j.name()).append(' ').append(j.result()).append(" at ").append(j.ended() - origin).append(" ms; ");
      }
      summary.append('\n').append(String.format(Locale.ROOT, "wall time of the whole recording: %.1f s%n",
          (System.currentTimeMillis() - wallStart) / 1000.0));
      Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
      System.out.print(summary);
      sc.stop();
      if (cluster != null) cluster.close();
      return 0;
    }

    private void act(SparkContext sc, StandaloneCluster cluster, TaskRecorder recorder, CaseSpec.Action a, int slots) {
      try {
        switch (a.kind()) {
          case "startWorker" -> {
            CaseSpec.Worker w = spec.workers().get(a.worker());
            cluster.startWorker(w.host(), w.cores());
          }
          case "killExecutorOf" -> {
            String[] t = a.task().split("/");
            String id = recorder.executorOf(t[0], t[1], Integer.parseInt(t[2]));
            if (id == null) throw new IllegalStateException("no alive executor ran " + a.task());
            if (!a.avoid().isEmpty()) {
              String[] v = a.avoid().split("/");
              if (id.equals(recorder.executorOf(v[0], v[1], Integer.parseInt(v[2])))) {
                System.err.println("placement: " + a.task() + " and " + a.avoid() + " ran on the same executor " + id
                    + " (Spark shuffles offers); the twin scenario assumes otherwise: record again");
                System.exit(3);
              }
            }
            summary.append("action at ").append(a.atMs()).append(" ms: killed executor ").append(id).append(" (it ran ")
                .append(a.task()).append(")\n");
            // killAndReplaceExecutor keeps the application's executor target, so the master launches a
            // replacement as it does after an executor exits (killExecutor + requestExecutors did not, here).
            if (a.replace()) sc.killAndReplaceExecutor(id);
            else sc.killExecutor(id);
          }
          // Only the non-barrier part: a barrier warm-up sized on executors that are about to leave
          // (a kill takes seconds to be noticed) would wait forever for slots.
          case "warmup" -> warmUp(sc, recorder.alive() * Math.max(1, slots / Math.max(1, spec.initialExecutors())),
              "warmup-at-" + a.atMs(), false);
          default -> throw new IllegalArgumentException("unknown action " + a.kind());
        }
      } catch (Exception e) {
        System.err.println("action " + a.kind() + " at " + a.atMs() + " ms failed: " + e);
      }
    }

    /** An untimed two-stage job of one short task per slot, then (with {@code gang}) a barrier job calling barrier() once. */
    private static void warmUp(SparkContext sc, int slots, String name, boolean gang) {
      CaseSpec.Stage map = new CaseSpec.Stage("map", slots, false, new long[] {100}, null, List.of(), null, false, List.of());
      CaseSpec.Stage reduce = new CaseSpec.Stage("reduce", slots, false, new long[] {50}, null, List.of("map"), null, false,
          List.of());
      CaseSpec.Stage barrier = new CaseSpec.Stage("gang", slots, true, null, new long[][] {{20, 20}}, List.of(), null,
          false, List.of());
      List<CaseSpec.Job> jobs = new java.util.ArrayList<>(List.of(new CaseSpec.Job(name, 0, false, List.of(map, reduce))));
      if (gang) jobs.add(new CaseSpec.Job(name + "-gang", 0, false, List.of(barrier)));
      Workload w = new Workload(sc, jobs);
      sc.setLocalProperty("harness.job", "warmup");
      w.results.values().forEach(r -> r.count());
      sc.setLocalProperty("harness.job", null);
    }

    /**
     * The phase of the driver's periodic revive: a 400 ms task holds one slot while a gang needing
     * every slot waits; the task's end offers only its own executor, so the gang launches at the
     * next periodic revive round, whose time this returns.
     */
    private static long reviveProbe(SparkContext sc, TaskRecorder recorder, int slots) throws InterruptedException {
      CaseSpec.Stage hold = new CaseSpec.Stage("hold", 1, false, new long[] {400}, null, List.of(), null, false, List.of());
      CaseSpec.Stage gang = new CaseSpec.Stage("gang", slots, true, new long[] {20}, null, List.of(), null, false, List.of());
      Workload w = new Workload(sc, List.of(new CaseSpec.Job("probe-hold", 0, false, List.of(hold)),
          new CaseSpec.Job("probe-gang", 0, false, List.of(gang))));
      Thread h = new Thread(() -> {
        sc.setJobGroup("probe-hold", "probe-hold", false);
        w.results.get("probe-hold").count();
      });
      h.start();
      Thread.sleep(150);
      sc.setJobGroup(TaskRecorder.PROBE_GROUP, TaskRecorder.PROBE_GROUP, false);
      w.results.get("probe-gang").count();
      sc.clearJobGroup();
      h.join();
      return recorder.probeLaunches().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static void sleepUntil(long t) {
      long d = t - System.currentTimeMillis();
      if (d <= 0) return;
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static String loadAverage() {
      try {
        return Files.readString(Path.of("/proc/loadavg")).strip();
      } catch (IOException e) {
        return "unknown";
      }
    }

    private static String firstLine(String s) {
      return s == null ? "" : s.lines().findFirst().orElse("");
    }
  }
}
