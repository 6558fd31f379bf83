package dev.barriersim.core.spark;

import dev.barriersim.core.event.JobStatus;
import dev.barriersim.core.workload.JobSpec;
import java.util.List;

/** One job instance as the DAGScheduler tracks it. */
final class ActiveJob {
  final int jobId;
  final String name;
  final JobSpec spec;
  final int instance;
  final long submitMs;
  final Pool pool;
  List<Stage> stages;
  Stage resultStage;
  int slotCheckFailures;
  JobStatus status = JobStatus.RUNNING;
  int resultPartitionsDone;
  boolean[] resultDone;

  ActiveJob(int jobId, String name, JobSpec spec, int instance, long submitMs, Pool pool) {
    this.jobId = jobId;
    this.name = name;
    this.spec = spec;
    this.instance = instance;
    this.submitMs = submitMs;
    this.pool = pool;
  }

  /** Submitted and not ended: the DAGScheduler still acts for it. */
  boolean isActive() {
    return status == JobStatus.RUNNING;
  }
}
