package dev.barriersim.core.spark;

import dev.barriersim.core.cluster.Executor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Spark's {@code TaskSetManager}: one per stage attempt. Pending tasks form a stack so that, as in
 * Spark (tasks added in reverse, dequeued from the end), tasks launch in index order and a failed
 * task is retried before the others. A zombie launches nothing and only tracks running tasks.
 */
final class TaskSetManager implements SchedulingAlgorithm.Schedulable {
  /** The most running slots a set starts with; a larger set grows its tables as it launches. */
  private static final int INITIAL_SLOTS = 256;
  final Stage stage;
  final int stageAttempt;
  final Pool pool;
  final boolean isBarrier;
  final int numTasks;
  /** Partition of each task index, or null when index == partition. */
  private final int[] partitions;
  private int[] pending;
  private int pendingSize;
  private final boolean[] successful;
  /** Failures that count, per task; made at the first one (most sets never fail). */
  private int[] numFailures;
  private final byte[] copiesRunning;
  private final int[] attempts;
  /**
   * Running attempts in slots, free slots reused through a stack: launching and ending an attempt
   * touch this table only, never another attempt. Launch order is task-id order.
   */
  private TaskAttempt[] running;
  private int slotsUsed;
  private int[] freeSlots;
  private int freeCount;
  private int runningCount;
  /** Links in the ordered sets of its pool or of the root ({@link OrderedTaskSets}), while queued. */
  TaskSetManager queuePrev;
  TaskSetManager queueNext;
  boolean queued;
  int tasksSuccessful;
  /** Set through {@link #markZombie()}, so that the queue's version moves. */
  boolean isZombie;
  /** A barrier attempt whose failure the DAGScheduler has handled (once per attempt). */
  boolean barrierFailureHandled;
  /** The coordinator's state for this attempt, created at the first {@code barrier()}. */
  BarrierCoordinator.SyncState barrierSync;
  /**
   * Delay scheduling, for a set whose tasks have preferred locations; null otherwise. Such a set
   * keeps its pending tasks there, by place, instead of in {@link #pending}.
   */
  TaskSetLocality locality;
  /** Speculation's state, or null: speculation is off, or the set is a barrier set (never speculated). */
  SpeculatableTasks speculation;
  /** Exclusion inside this set ({@code taskSetExcludelistHelperOpt}); null when exclusion is off. */
  TaskSetExcludelist excludelist;

  TaskSetManager(Stage stage, int stageAttempt, Pool pool, int[] partitions) {
    this.stage = stage;
    this.stageAttempt = stageAttempt;
    this.pool = pool;
    this.isBarrier = stage.isBarrier;
    this.numTasks = partitions == null ? stage.numPartitions : partitions.length;
    this.partitions = partitions;
    this.pending = new int[numTasks];
    for (int i = 0; i < numTasks; i++) pending[i] = numTasks - 1 - i;
    this.pendingSize = numTasks;
    this.successful = new boolean[numTasks];
    this.copiesRunning = new byte[numTasks];
    this.attempts = new int[numTasks];
    // Sized for every task at once up to a bound: a small set then never grows its tables.
    int slots = Math.max(1, Math.min(numTasks, INITIAL_SLOTS));
    this.running = new TaskAttempt[slots];
    this.freeSlots = new int[slots];
  }

  /**
   * True when a round can pass this set as a barrier set waiting for slots without looking further:
   * a live barrier set of which nothing runs or succeeded, so every pending entry is valid and
   * {@link #hasPending} would only say yes.
   */
  boolean isWaitingBarrier() {
    return isBarrier && !isZombie && runningCount == 0 && tasksSuccessful == 0
        && (locality == null ? pendingSize > 0 : locality.pending.hasPending());
  }

  /** The set launches nothing more; it only tracks its running tasks. */
  void markZombie() {
    changing();
    isZombie = true;
  }

  /**
   * Called before this set changes in a way {@link #isWaitingBarrier} reads: while the set waits in
   * the queue, the queue's summary of waiting sets goes stale ({@link TaskSetQueue#waitingRun}).
   */
  void changing() {
    if (queued && isWaitingBarrier()) pool.version.value++;
  }

  /** Spark's TaskSet id: {@code stageId.stageAttempt}. */
  String id() {
    return stage.id + "." + stageAttempt;
  }

  /** Spark's schedulable name, used by the FAIR comparator. */
  @Override
  public String name() {
    return "TaskSet_" + id();
  }

  int partition(int index) {
    return partitions == null ? index : partitions[index];
  }

  /** Index of {@code partition} in this set, or -1. */
  int indexOf(int partition) {
    if (partitions == null) return partition < numTasks ? partition : -1;
    int i = Arrays.binarySearch(partitions, partition);
    return i >= 0 ? i : -1;
  }

  /**
   * True when a pending task can be launched; drops stale entries from the top. A set with
   * preferred locations answers as Spark's {@code isSchedulable} does: while its list of all
   * pending tasks, cleaned lazily, is not empty.
   */
  boolean hasPending() {
    if (locality != null) return locality.pending.hasPending();
    // With nothing running and nothing successful no entry is stale: answer without reading the
    // arrays (a waiting barrier set is asked in every round).
    if (runningCount == 0 && tasksSuccessful == 0) return pendingSize > 0;
    while (pendingSize > 0) {
      int top = pending[pendingSize - 1];
      if (!successful[top] && copiesRunning[top] == 0) return true;
      pendingSize--;
    }
    return false;
  }

  /** Spark's {@code isSchedulable}: not a zombie and has pending tasks or pending speculative copies. */
  boolean isSchedulable() {
    return !isZombie && (hasPending() || hasPendingCopies());
  }

  /** True when speculative copies wait for an offer ({@link SpeculatableTasks#hasPendingCopies}). */
  boolean hasPendingCopies() {
    return speculation != null && speculation.hasPendingCopies();
  }

  /** Spark's {@code copiesRunning(index)}: attempts of task {@code index} running now. */
  int copiesRunning(int index) {
    return copiesRunning[index];
  }

  /** Takes the next pending task index; call {@link #hasPending()} first. */
  int pollPending() {
    changing();
    return pending[--pendingSize];
  }

  /**
   * Takes the last pending task that may run on {@code e} ({@code dequeueTaskFromList} skipping tasks
   * excluded there), or -1; entries of tasks already running or done are passed over.
   */
  int pollPendingAllowedOn(Executor e) {
    for (int i = pendingSize - 1; i >= 0; i--) {
      int index = pending[i];
      if (successful[index] || copiesRunning[index] != 0 || excludelist.excludesTask(index, e)) continue;
      changing();
      System.arraycopy(pending, i + 1, pending, i, pendingSize - i - 1);
      pendingSize--;
      return index;
    }
    return -1;
  }

  /** The last pending task that is neither running nor done, or -1 (for {@code getCompletelyExcludedTaskIfAny}). */
  int lastPendingTask() {
    if (locality != null) return locality.pending.lastNeedingScheduling(locality); // Spark's pendingTasks.all
    for (int i = pendingSize - 1; i >= 0; i--) {
      int index = pending[i];
      if (!successful[index] && copiesRunning[index] == 0) return index;
    }
    return -1;
  }

  /** Puts a task back (a failure to retry, or a reverted barrier placement). No-op for a zombie. */
  void addPending(int index) {
    changing();
    if (isZombie) return;
    if (locality != null) {
      locality.addPending(index);
      return;
    }
    // A task can be put back while a stale entry of it is still stacked (an original and its
    // speculative copy both lost, say): Spark's addPendingTask appends too and dequeue skips stale ones.
    if (pendingSize == pending.length) pending = Arrays.copyOf(pending, 2 * pendingSize);
    pending[pendingSize++] = index;
  }

  /** Gives this set delay scheduling: its pending tasks move to {@code l}, by place. */
  void useLocality(TaskSetLocality l) {
    changing();
    locality = l;
    pendingSize = 0;
  }

  /** Spark's {@code copiesRunning(index) == 0 && !successful(index)}. */
  boolean needsScheduling(int index) {
    return !successful[index] && copiesRunning[index] == 0;
  }

  /** Next attempt number of task {@code index} within this set. */
  int nextAttempt(int index) {
    return attempts[index]++;
  }

  @Override
  public int runningTasks() {
    return runningCount;
  }

  /** Inside a FAIR pool a TaskSetManager has Spark's defaults: minShare 0. */
  @Override
  public int minShare() {
    return 0;
  }

  /** Inside a FAIR pool a TaskSetManager has Spark's defaults: weight 1. */
  @Override
  public int weight() {
    return 1;
  }

  /** A snapshot of the running attempts, in launch order (task ids grow with every launch). */
  List<TaskAttempt> runningAttempts() {
    List<TaskAttempt> out = new ArrayList<>(runningCount);
    for (int i = 0; i < slotsUsed; i++) if (running[i] != null) out.add(running[i]);
    out.sort(Comparator.comparingLong(t -> t.taskId));
    return out;
  }

  void taskLaunched(TaskAttempt t) {
    changing();
    int slot;
    if (freeCount > 0) {
      slot = freeSlots[--freeCount];
    } else {
      if (slotsUsed == running.length) running = Arrays.copyOf(running, 2 * slotsUsed);
      slot = slotsUsed++;
    }
    running[slot] = t;
    t.runningSlot = slot;
    runningCount++;
    copiesRunning[t.index]++;
    pool.runningTasks++;
    if (speculation != null) speculation.launched(t.index, t.executor.host());
  }

  void taskEnded(TaskAttempt t) {
    changing();
    running[t.runningSlot] = null;
    if (freeCount == freeSlots.length) freeSlots = Arrays.copyOf(freeSlots, 2 * freeCount);
    freeSlots[freeCount++] = t.runningSlot;
    t.runningSlot = -1;
    runningCount--;
    // With preferred locations, stale list entries stay; as in Spark the copy counts as running
    // until the end is handled (resultHandled), so a round at the end's instant cannot take it again.
    if (locality == null) copiesRunning[t.index]--;
    pool.runningTasks--;
  }

  /** The end of an attempt of task {@code index} has been handled (Spark's {@code handleSuccessfulTask}/{@code handleFailedTask}). */
  void resultHandled(int index) {
    if (locality != null) copiesRunning[index]--;
  }

  /** Marks a task index done (its own success, or another attempt's: Spark's markPartitionCompleted). */
  void markSuccessful(int index) {
    changing();
    if (!successful[index]) {
      successful[index] = true;
      tasksSuccessful++;
      if (tasksSuccessful == numTasks) markZombie();
    }
  }

  /** An output of a finished task was lost with its executor: the task is pending again (Spark's Resubmitted). */
  void resubmitLostOutput(int index) {
    changing();
    if (successful[index]) {
      successful[index] = false;
      tasksSuccessful--;
      addPending(index);
    }
  }

  boolean isSuccessful(int index) {
    return successful[index];
  }

  /**
   * Counts a failure that counts towards {@code spark.task.maxFailures}; returns true when the
   * task has now failed {@code maxFailures} times and the set must abort.
   */
  boolean countFailure(int index, int maxFailures) {
    if (numFailures == null) numFailures = new int[numTasks];
    return ++numFailures[index] >= maxFailures;
  }
}
