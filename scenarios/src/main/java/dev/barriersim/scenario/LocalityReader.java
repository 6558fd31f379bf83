package dev.barriersim.scenario;

import dev.barriersim.core.workload.JobSpec;
import dev.barriersim.core.workload.StageLocality;
import dev.barriersim.core.workload.StageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a stage's locality keys: {@code cachedFrom} (a stage of this job, or {@code job.stage} of
 * another job, whose partitions this stage reads from the cache) and {@code inputHosts} (the hosts
 * of each partition's input split: one list for every partition, or one per partition).
 */
final class LocalityReader {
  private LocalityReader() {}

  private static final int MAX_HOSTS = 1_000;

  /** The stage's locality, null when it has none or after problems; {@code cachedFrom} is resolved later. */
  static StageLocality stage(LoadContext c, Fields f, Integer tasks) {
    if (!f.has("cachedFrom") && !f.has("inputHosts")) return null;
    String cached = f.has("cachedFrom") ? Values.text(c, f.get("cachedFrom"), f.path("cachedFrom")) : null;
    if (cached != null) cached = cached.strip();
    if (cached != null && cached.isEmpty()) {
      c.report(f.get("cachedFrom"), f.path("cachedFrom"), "the value is empty", "name a stage: prep, or job.stage");
      return null;
    }
    List<List<String>> hosts = f.has("inputHosts") ? inputHosts(c, f.get("inputHosts"), f.path("inputHosts"), tasks)
        : List.of();
    if (hosts == null) return null;
    return new StageLocality(null, cached, hosts);
  }

  private static List<List<String>> inputHosts(LoadContext c, YamlNode n, String path, Integer tasks) {
    YamlNode.Sequence seq = Values.list(c, n, path, JobReader.MAX_TASKS);
    if (seq == null) return null;
    if (seq.items().isEmpty()) {
      c.report(seq, path, "the list is empty", "give the hosts of the input, e.g. [[host-0, host-1]]");
      return null;
    }
    if (tasks != null && seq.items().size() != 1 && seq.items().size() != tasks) {
      c.report(seq, path, seq.items().size() + " lists for " + tasks + " partitions",
          "give one list for every partition, or one list per partition (" + tasks + ")");
      return null;
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      String p = LoadContext.index(path, i);
      YamlNode.Sequence hs = Values.list(c, seq.items().get(i), p, MAX_HOSTS);
      if (hs == null) return null;
      List<String> hosts = new ArrayList<>();
      for (int h = 0; h < hs.items().size(); h++) {
        String host = Values.name(c, hs.items().get(h), LoadContext.index(p, h));
        if (host == null) return null;
        hosts.add(host);
      }
      out.add(hosts);
    }
    return out;
  }

  /**
   * Resolves each {@code cachedFrom}: a stage of the same job first, else {@code job.stage} of
   * another job; reports names that match neither. Rewrites the specs with the job named.
   */
  static void resolveCachedFrom(LoadContext c, YamlNode.Sequence jobsNode, String path, List<JobSpec> specs,
      java.util.Set<String> allNames) {
    Map<String, JobSpec> byName = new java.util.LinkedHashMap<>();
    for (JobSpec j : specs) byName.put(j.name(), j);
    for (int ji = 0; ji < specs.size(); ji++) {
      JobSpec j = specs.get(ji);
      List<StageSpec> stages = new ArrayList<>(j.stages());
      boolean changed = false;
      for (int si = 0; si < stages.size(); si++) {
        StageSpec s = stages.get(si);
        StageLocality l = s.locality();
        if (l == null || l.cachedFromStage() == null || l.cachedFromJob() != null) continue;
        String ref = l.cachedFromStage();
        StageLocality resolved = resolve(ref, j, s, byName, l);
        if (resolved == null && !namesAJobWithProblems(ref, allNames, byName)) {
          Located at = find(jobsNode, path, j.name(), s.name());
          c.report(at.node(), at.path(), "cachedFrom '" + Suggestions.shorten(ref)
              + "' names no other stage of job " + j.name() + " and no job.stage",
              "name a stage of this job (e.g. prep) or of another job (e.g. etl.load)");
          continue;
        }
        if (resolved == null) continue;
        stages.set(si, new StageSpec(s.name(), s.tasks(), s.barrier(), s.parents(), s.resources(), s.phases(),
            s.stragglers(), resolved));
        changed = true;
      }
      if (changed) specs.set(ji, new JobSpec(j.name(), j.submitAtMs(), j.pool(), j.repeat(), stages));
    }
  }

  /** True when {@code ref} may name a stage of a job that was not built (its problems are reported already). */
  private static boolean namesAJobWithProblems(String ref, java.util.Set<String> all, Map<String, JobSpec> built) {
    for (int dot = ref.indexOf('.'); dot > 0; dot = ref.indexOf('.', dot + 1)) {
      String job = ref.substring(0, dot);
      if (all.contains(job) && !built.containsKey(job)) return true;
    }
    return false;
  }

  private static StageLocality resolve(String ref, JobSpec own, StageSpec self, Map<String, JobSpec> jobs,
      StageLocality l) {
    if (!ref.equals(self.name()) && own.stages().stream().anyMatch(s -> s.name().equals(ref))) {
      return new StageLocality(own.name(), ref, l.inputHosts());
    }
    for (int dot = ref.indexOf('.'); dot > 0; dot = ref.indexOf('.', dot + 1)) {
      String job = ref.substring(0, dot);
      String stage = ref.substring(dot + 1);
      JobSpec other = jobs.get(job);
      if (other == null) continue;
      if (other == own && stage.equals(self.name())) continue;
      if (other.stages().stream().anyMatch(s -> s.name().equals(stage))) {
        return new StageLocality(other == own ? own.name() : job, stage, l.inputHosts());
      }
    }
    return null;
  }

  private record Located(YamlNode node, String path) {}

  /** The {@code cachedFrom} value of stage {@code stage} of job {@code job} and its path, for the problem's location. */
  private static Located find(YamlNode.Sequence jobs, String path, String job, String stage) {
    for (int ji = 0; ji < jobs.items().size(); ji++) {
      if (!(jobs.items().get(ji) instanceof YamlNode.Mapping jm) || !job.equals(text(jm, "name"))) continue;
      YamlNode.Entry st = jm.entries().get("stages");
      if (st == null || !(st.value() instanceof YamlNode.Sequence ss)) break;
      for (int si = 0; si < ss.items().size(); si++) {
        if (ss.items().get(si) instanceof YamlNode.Mapping sm && stage.equals(text(sm, "name"))) {
          String p = LoadContext.index(LoadContext.index(path, ji) + ".stages", si) + ".cachedFrom";
          YamlNode.Entry e = sm.entries().get("cachedFrom");
          return new Located(e == null ? sm : e.value(), p);
        }
      }
    }
    return new Located(jobs, path);
  }

  private static String text(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entries().get(key);
    return e != null && e.value() instanceof YamlNode.Scalar s ? s.text() : null;
  }
}
