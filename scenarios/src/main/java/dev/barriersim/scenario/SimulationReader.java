package dev.barriersim.scenario;

import dev.barriersim.core.spark.Backend;
import dev.barriersim.core.spark.BarrierRerun;
import dev.barriersim.core.spark.OfferOrder;
import dev.barriersim.core.spark.SimulationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code simulation:} (backend, delays, limits) and {@code run:} (modes, replications). */
final class SimulationReader {
  private SimulationReader() {}

  static final List<String> KEYS =
      List.of("backend", "latency", "killLatency", "barrierPollInterval", "horizon", "maxEvents", "reviveOffset",
          "barrierPartialRerun", "offerOrder");
  static final Map<String, BarrierRerun> RERUNS = Fields.choices("spark", BarrierRerun.SPARK, "whole", BarrierRerun.WHOLE);
  static final Map<String, OfferOrder> OFFER_ORDERS = Fields.choices("id", OfferOrder.ID, "shuffled", OfferOrder.SHUFFLED);
  static final List<String> LATENCY_KEYS = List.of("launch", "statusUpdate");
  static final Map<String, Backend> BACKENDS =
      Fields.choices("coarse-grained", Backend.COARSE_GRAINED, "local", Backend.LOCAL);
  static final String MAX_RUNS = "maxRuns";
  static final List<String> RUN_KEYS = List.of("modes", "replications", MAX_RUNS);
  static final List<String> MODES = List.of("barrier", "non-barrier");
  static final String UNTIL_DONE = "untilDone";
  static final int MAX_REPLICATIONS = 100_000;

  /** The {@code run:} section read; {@code maxRuns} caps a sweep's points x modes x replications. */
  record Run(List<String> modes, int replications, long maxRuns) {
    static final Run DEFAULTS = new Run(MODES, 1, Sweep.DEFAULT_MAX_RUNS);
  }

  /** Reads {@code simulation:}; null after problems. */
  static SimulationSettings read(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, KEYS);
    if (f == null) return null;
    SimulationSettings d = SimulationSettings.DEFAULTS;
    int before = c.problemCount();
    Backend backend = f.choice("backend", "coarse-grained", BACKENDS, "backend", "");
    Long launch = d.launchLatencyMs();
    Long status = d.statusUpdateLatencyMs();
    if (f.has("latency")) {
      Fields lf = Fields.of(c, f.get("latency"), f.path("latency"), LATENCY_KEYS);
      if (lf != null) {
        launch = lf.duration("launch", launch, 0);
        status = lf.duration("statusUpdate", status, 0);
      }
    }
    Long kill = killLatency(c, f, d.killLatencyMs());
    Long poll = f.duration("barrierPollInterval", d.barrierPollIntervalMs(), 0);
    Long horizon = f.duration("horizon", d.horizonMs(), 0);
    Long maxEvents = f.whole("maxEvents", d.maxEvents(), 1, Long.MAX_VALUE);
    Long reviveOffset = f.duration("reviveOffset", d.reviveOffsetMs(), 0);
    BarrierRerun rerun = rerun(f);
    OfferOrder order = offerOrder(f);
    if (c.problemCount() != before) return null;
    long l = launch;
    long s = status;
    return c.build(f.node(), path, () -> new SimulationSettings(backend, l, s, kill, poll, horizon, maxEvents,
        reviveOffset, order, rerun));
  }

  /** {@code offerOrder}: {@code id} (the default) or {@code shuffled} (a seeded shuffle per round, as Spark's). */
  private static OfferOrder offerOrder(Fields f) {
    return f.choice("offerOrder", "id", OFFER_ORDERS, "value", " (id: executor-id order; shuffled: a seeded shuffle of "
        + "each round's offers, as Spark's TaskSchedulerImpl.shuffleOffers)");
  }

  /** {@code barrierPartialRerun}: {@code spark} (Spark 3.5.9, the default) or {@code whole}. */
  private static BarrierRerun rerun(Fields f) {
    return f.choice("barrierPartialRerun", "spark", RERUNS, "value", " (spark: only the missing partitions of a "
        + "barrier map stage rerun, as Spark 3.5.9 does; whole: the whole stage)");
  }

  /** A duration, or {@code untilDone}: the killed task runs on until its work would have ended. */
  private static Long killLatency(LoadContext c, Fields f, long dflt) {
    if (!f.has("killLatency")) return dflt;
    YamlNode n = f.get("killLatency");
    if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING && s.text().strip().equals(UNTIL_DONE)) {
      return SimulationSettings.KILL_UNTIL_DONE;
    }
    if (n instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.STRING
        && Suggestions.closest(s.text().strip(), List.of(UNTIL_DONE)).isPresent() && !Durations.parse(s.text()).ok()) {
      c.report(n, f.path("killLatency"), "unknown value '" + Suggestions.shorten(s.text()) + "'", "did you mean '" + UNTIL_DONE + "'?");
      return null;
    }
    return Values.duration(c, n, f.path("killLatency"), 0);
  }

  /** Reads {@code run:}; null after problems. */
  static Run readRun(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, RUN_KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    List<String> modes = Run.DEFAULTS.modes();
    if (f.has("modes")) {
      YamlNode.Sequence seq = Values.list(c, f.get("modes"), f.path("modes"), MODES.size() * 4);
      modes = new ArrayList<>();
      if (seq != null && seq.items().isEmpty()) {
        c.report(seq, f.path("modes"), "the list is empty", "write [barrier, non-barrier] or one of them, or remove modes");
      } else if (seq != null) {
        for (int i = 0; i < seq.items().size(); i++) {
          String p = LoadContext.index(f.path("modes"), i);
          String m = Values.text(c, seq.items().get(i), p);
          if (m == null) continue;
          if (!MODES.contains(m)) {
            c.report(seq.items().get(i), p, "unknown mode '" + Suggestions.shorten(m) + "'", Suggestions.fixFor(m, MODES, "use one of"));
          } else if (modes.contains(m)) {
            c.report(seq.items().get(i), p, "mode '" + m + "' is listed twice", "list each mode once");
          } else {
            modes.add(m);
          }
        }
      }
    }
    Integer replications = f.integer("replications", 1, 1, MAX_REPLICATIONS);
    Long maxRuns = f.whole(MAX_RUNS, Sweep.DEFAULT_MAX_RUNS, 1, Sweep.MAX_RUNS_LIMIT);
    if (c.problemCount() != before) return null;
    return new Run(modes, replications, maxRuns);
  }
}
