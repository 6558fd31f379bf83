package dev.barriersim.scenario;

import dev.barriersim.core.random.DurationSpec;
import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.RepeatSpec;
import dev.barriersim.core.workload.StageLocality;
import dev.barriersim.core.workload.StageSpec;
import dev.barriersim.core.workload.StragglerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code jobs:}: each job's submission, pool, repetition and stage DAG. */
final class JobReader {
  private JobReader() {}

  static final List<String> JOB_KEYS = List.of("name", "submitAt", "pool", "repeat", "stages");
  static final List<String> REPEAT_KEYS = List.of("count", "every", "poisson");
  static final List<String> STAGE_KEYS =
      List.of("name", "tasks", "barrier", "parents", "resources", "duration", "phases", "stragglers", "cachedFrom",
          "inputHosts");
  static final int MAX_JOBS = 100_000;
  static final int MAX_STAGES = 2_000;
  static final int MAX_TASKS = 100_000_000;
  static final int MAX_REPEAT = 10_000_000;
  static final int MAX_PHASES = 10_000;

  /** The jobs read: every valid spec, and every job name seen (so that later checks do not cascade). */
  record Jobs(List<JobSpec> specs, Set<String> names, Map<String, YamlNode> poolRefs, Map<String, String> poolRefPaths) {}

  /** Reads the list at {@code n}. */
  static Jobs read(LoadContext c, YamlNode n, String path) {
    List<JobSpec> specs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, YamlNode> poolRefs = new LinkedHashMap<>();
    Map<String, String> poolPaths = new LinkedHashMap<>();
    Jobs out = new Jobs(specs, names, poolRefs, poolPaths);
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_JOBS);
    if (seq == null) return out;
    if (seq.items().isEmpty()) {
      c.report(seq, path, "the list is empty", "add at least one job");
      return out;
    }
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      Fields f = Fields.of(c, seq.items().get(i), p, JOB_KEYS);
      if (f == null) continue;
      int before = c.problemCount();
      String name = f.require("name", "etl") ? f.name("name", null) : null;
      if (name != null && !names.add(name)) {
        c.report(f.get("name"), f.path("name"), "duplicate job name '" + name + "'", "give each job its own name");
      }
      Long submitAt = f.duration("submitAt", 0L, 0);
      String pool = f.name("pool", "default");
      if (f.has("pool") && pool != null) {
        poolRefs.put(p, f.get("pool"));
        poolPaths.put(p, pool);
      }
      RepeatSpec repeat = f.has("repeat") ? repeat(c, f.get("repeat"), f.path("repeat")) : null;
      List<StageSpec> stages = f.require("stages", "[{name: s0, tasks: 4, duration: 10s}]")
          ? stages(c, f.get("stages"), f.path("stages")) : null;
      if (c.problemCount() != before || stages == null) continue;
      JobSpec job = c.build(f.node(), p, () -> new JobSpec(name, submitAt, pool, repeat, stages));
      if (job != null) specs.add(job);
    }
    LocalityReader.resolveCachedFrom(c, seq, path, specs, names);
    return out;
  }

  private static RepeatSpec repeat(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, REPEAT_KEYS);
    if (f == null) return null;
    int before = c.problemCount();
    Integer count = f.require("count", "10") ? f.integer("count", null, 1, MAX_REPEAT) : null;
    RepeatSpec.Gap gap = RepeatSpec.Gap.FIXED;
    Long gapMs = 0L;
    if (f.has("every") || f.has("poisson") || (count != null && count > 1)) {
      String which = f.exactlyOne("every", "poisson", "every: 30s for a fixed gap, poisson: {mean: 30s} for exponential gaps");
      if ("every".equals(which)) {
        gapMs = f.duration("every", null, 0);
      } else if ("poisson".equals(which)) {
        gap = RepeatSpec.Gap.POISSON;
        Fields pf = Fields.of(c, f.get("poisson"), f.path("poisson"), List.of("mean"));
        gapMs = pf != null && pf.require("mean", "30s") ? pf.duration("mean", null, 1) : null;
      }
    }
    if (c.problemCount() != before) return null;
    RepeatSpec.Gap g = gap;
    long ms = gapMs;
    return c.build(f.node(), path, () -> new RepeatSpec(count, g, ms));
  }

  private static List<StageSpec> stages(LoadContext c, YamlNode n, String path) {
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_STAGES);
    if (seq == null) return null;
    if (seq.items().isEmpty()) {
      c.report(seq, path, "the list is empty", "add at least one stage");
      return null;
    }
    int before = c.problemCount();
    List<StageSpec> out = new ArrayList<>();
    List<StageGraphCheck.Node> graph = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    boolean graphKnown = true;
    boolean unique = true;
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      Fields f = Fields.of(c, seq.items().get(i), p, STAGE_KEYS);
      if (f == null) {
        graphKnown = false;
        continue;
      }
      String name = f.require("name", "map") ? f.name("name", null) : null;
      if (name != null && !names.add(name)) {
        c.report(f.get("name"), f.path("name"), "duplicate stage name '" + name + "' in this job", "give each stage of a job its own name");
        unique = false;
      }
      List<StageGraphCheck.ParentRef> parents = f.has("parents") ? parents(c, f.get("parents"), f.path("parents")) : List.of();
      if (name == null || parents == null) graphKnown = false;
      else graph.add(new StageGraphCheck.Node(name, f.node(), p, parents));
      out.add(stage(c, f, name, parents));
    }
    if (graphKnown) StageGraphCheck.check(c, graph, unique, seq, path);
    return c.problemCount() == before ? out : null;
  }

  private static List<StageGraphCheck.ParentRef> parents(LoadContext c, YamlNode n, String path) {
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_STAGES);
    if (seq == null) return null;
    List<StageGraphCheck.ParentRef> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      String name = Values.name(c, seq.items().get(i), p);
      if (name == null) return null;
      if (!seen.add(name)) {
        c.report(seq.items().get(i), p, "parent '" + name + "' is listed twice", "list each parent once");
        return null;
      }
      out.add(new StageGraphCheck.ParentRef(name, seq.items().get(i), p));
    }
    return out;
  }

  private static StageSpec stage(LoadContext c, Fields f, String name, List<StageGraphCheck.ParentRef> parents) {
    int before = c.problemCount();
    Integer tasks = f.require("tasks", "8") ? f.integer("tasks", null, 1, MAX_TASKS) : null;
    Boolean barrier = f.bool("barrier", false);
    var resources = f.has("resources") ? ClusterReader.resources(c, f.get("resources"), f.path("resources")) : null;
    List<DurationSpec> phases = null;
    String which = f.exactlyOne("duration", "phases", "duration: 20s for one phase, or phases: [...] for several");
    if ("duration".equals(which)) {
      DurationSpec d = DurationSpecReader.read(c, f.get("duration"), f.path("duration"), tasks);
      if (d != null) phases = List.of(d);
    } else if ("phases".equals(which)) {
      phases = phases(c, f.get("phases"), f.path("phases"), tasks);
    }
    StragglerSpec stragglers = f.has("stragglers") ? stragglers(c, f.get("stragglers"), f.path("stragglers")) : null;
    StageLocality locality = LocalityReader.stage(c, f, tasks);
    if (c.problemCount() != before || name == null || parents == null || phases == null) return null;
    List<String> parentNames = parents.stream().map(StageGraphCheck.ParentRef::name).toList();
    List<DurationSpec> ph = phases;
    return c.build(f.node(), f.path(),
        () -> new StageSpec(name, tasks, barrier, parentNames, resources, ph, stragglers, locality));
  }

  private static List<DurationSpec> phases(LoadContext c, YamlNode n, String path, Integer tasks) {
    YamlNode.Sequence seq = Values.list(c, n, path, MAX_PHASES);
    if (seq == null) return null;
    if (seq.items().isEmpty()) {
      c.report(seq, path, "the list is empty", "give at least one phase, or use duration: instead");
      return null;
    }
    List<DurationSpec> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      out.add(DurationSpecReader.read(c, seq.items().get(i), LoadContext.index(path, i), tasks));
    }
    return out.contains(null) ? null : out;
  }

  private static StragglerSpec stragglers(LoadContext c, YamlNode n, String path) {
    Fields f = Fields.of(c, n, path, List.of("probability", "slowdown"));
    if (f == null) return null;
    Double probability = f.require("probability", "0.05") ? f.decimal("probability", null, 0, 1) : null;
    Double slowdown = f.require("slowdown", "4") ? f.decimal("slowdown", null, 1, 1e9) : null;
    if (probability == null || slowdown == null) return null;
    return c.build(f.node(), path, () -> new StragglerSpec(probability, slowdown));
  }
}
