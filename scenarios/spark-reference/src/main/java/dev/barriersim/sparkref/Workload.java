package dev.barriersim.sparkref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.rdd.ShuffledRDD;
import org.apache.spark.storage.StorageLevel;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The RDDs of a case's jobs, built once before time 0: each stage is its input (a parallelized
 * range, the shuffle read of its parents, or a cached stage's RDD) mapped by a {@link SleepTask},
 * named {@code harness:<job>/<stage>} so the listener can tell which stage is which.
 */
final class Workload {
  static final String PREFIX = "harness:";
  private static final ClassTag<Object> OBJ = ClassTag$.MODULE$.apply(Object.class);

  /** The last RDD of each job (its result stage), by job name. */
  final Map<String, RDD<Object>> results = new LinkedHashMap<>();
  /** The stage name of each harness RDD id: {@code job/stage}. */
  final Map<Integer, String> stageOfRdd = new LinkedHashMap<>();
  private final Map<String, RDD<Object>> outputs = new LinkedHashMap<>();

  Workload(SparkContext sc, List<CaseSpec.Job> jobs) {
    for (CaseSpec.Job j : jobs) {
      RDD<Object> last = null;
      for (CaseSpec.Stage s : j.stages()) {
        RDD<Object> in = input(sc, j, s);
        RDD<Object> out = s.barrier() ? in.barrier().mapPartitions(new SleepTask(s, outRecords(j, s)), false, OBJ)
            : in.mapPartitions(new SleepTask(s, outRecords(j, s)), false, OBJ);
        out.setName(PREFIX + j.name() + "/" + s.name());
        if (s.cache()) out.persist(StorageLevel.MEMORY_ONLY());
        outputs.put(j.name() + "." + s.name(), out);
        stageOfRdd.put(out.id(), j.name() + "/" + s.name());
        last = out;
      }
      results.put(j.name(), last);
    }
  }

  /** A map stage emits one record per partition of its widest child, so every reduce partition reads it. */
  private static int outRecords(CaseSpec.Job j, CaseSpec.Stage s) {
    return j.stages().stream().filter(c -> c.parents().contains(s.name())).mapToInt(CaseSpec.Stage::tasks).max().orElse(1);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private RDD<Object> input(SparkContext sc, CaseSpec.Job j, CaseSpec.Stage s) {
    if (s.cachedFrom() != null) {
      RDD<Object> cached = outputs.get(s.cachedFrom());
      if (cached == null) throw new IllegalArgumentException("cachedFrom " + s.cachedFrom() + ": no such earlier stage");
      return cached;
    }
    if (s.parents().isEmpty()) {
      List<Object> range = IntStream.range(0, s.tasks()).boxed().collect(Collectors.toList());
      return sc.parallelize(scala.jdk.javaapi.CollectionConverters.asScala(range).toSeq(), s.tasks(), OBJ);
    }
    List<RDD<Object>> reads = new ArrayList<>();
    for (String p : s.parents()) {
      RDD<Object> parent = outputs.get(j.name() + "." + p);
      if (parent == null) throw new IllegalArgumentException(s.name() + ": parent " + p + " is not an earlier stage");
      reads.add((RDD) new ShuffledRDD(parent, new HashPartitioner(s.tasks()), OBJ, OBJ, OBJ));
    }
    RDD<Object> in = reads.get(0);
    for (int i = 1; i < reads.size(); i++) in = in.zipPartitions(reads.get(i), false, new ZipIterators(), OBJ, OBJ);
    return in;
  }
}
