package dev.barriersim.core.event;

/** Where a job instance stands: RUNNING from its submission until it ends, then how it ended. */
public enum JobStatus {
  /** Submitted and not ended (it may still wait for its slot check). */
  RUNNING,
  /** Its result stage finished every partition ({@code JobSucceeded}). */
  SUCCEEDED,
  /** Aborted, with Spark's message ({@code JobFailed}). */
  FAILED
}
