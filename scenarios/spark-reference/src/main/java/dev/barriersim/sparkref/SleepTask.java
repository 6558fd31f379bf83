package dev.barriersim.sparkref;

import java.io.Serializable;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.TaskContext;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The code of every task of a stage: reads its input to the end (a shuffle read happens here),
 * then either does what a scripted failure says (throw, exit the executor JVM, or hang) or sleeps
 * its phases, calling {@code barrier()} between them in a barrier stage, and emits
 * {@code outRecords} (key, partition) pairs for the stages that read it.
 */
final class SleepTask extends AbstractFunction1<Iterator<Object>, Iterator<Object>> implements Serializable {
  private static final long serialVersionUID = 1L;
  /** How long a hanging attempt sleeps: far beyond any case, it only ends by being killed. */
  private static final long HANG_MS = 600_000;

  private final CaseSpec.Stage stage;
  private final int outRecords;

  SleepTask(CaseSpec.Stage stage, int outRecords) {
    this.stage = stage;
    this.outRecords = outRecords;
  }

  @Override
  public Iterator<Object> apply(Iterator<Object> input) {
    while (input.hasNext()) input.next();
    TaskContext tc = TaskContext.get();
    int p = tc.partitionId();
    for (CaseSpec.Failure f : stage.failures()) {
      if (f.partition() == p && f.stageAttempt() == tc.stageAttemptNumber() && f.attempt() == tc.attemptNumber()) {
        sleep(f.kind().equals("hang") ? HANG_MS : f.afterMs());
        if (f.kind().equals("exit")) System.exit(1);
        throw new IllegalStateException("scripted failure of " + stage.name() + " partition " + p + " attempt "
            + tc.attemptNumber());
      }
    }
    long[] phases = stage.phasesOf(p);
    for (int i = 0; i < phases.length; i++) {
      if (i > 0 && stage.barrier()) BarrierTaskContext.get().barrier();
      sleep(phases[i]);
    }
    java.util.List<Object> out = new java.util.ArrayList<>(outRecords);
    for (int k = 0; k < outRecords; k++) out.add(new Tuple2<Object, Object>(k, p));
    return scala.jdk.javaapi.CollectionConverters.asScala(out.iterator());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      // A kill with interruption: Spark reports the attempt as killed because its kill reason is set.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
