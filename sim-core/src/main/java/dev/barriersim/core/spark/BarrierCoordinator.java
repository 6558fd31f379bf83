package dev.barriersim.core.spark;

import dev.barriersim.core.engine.EventLoop;
import dev.barriersim.core.engine.Phase;
import dev.barriersim.core.event.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Spark's {@code BarrierCoordinator}: per stage attempt, an epoch and the tasks waiting in it.
 * When as many tasks as the stage has partitions have arrived the epoch is released; {@code spark.barrier.sync.timeout}
 * after the epoch's first arrival the waiting tasks fail. When the stage attempt completes or
 * fails the state is dropped and waiting tasks get no reply (they are being killed).
 */
final class BarrierCoordinator {
  /** The {@code ContextBarrierState} of one stage attempt. */
  static final class SyncState {
    final TaskSetManager taskSet;
    int epoch;
    final List<TaskAttempt> waiting = new ArrayList<>();
    /** The sync timeout of the current epoch, pending from its first arrival until its release. */
    long timeout = EventLoop.NO_EVENT;
    boolean closed;

    SyncState(TaskSetManager taskSet) {
      this.taskSet = taskSet;
    }
  }

  private final EventLoop loop;
  private final long timeoutMs;
  private final long timeoutSeconds;
  private final TaskRunner runner;
  private final Consumer<SimEvent> emit;
  private final int timeoutKind;

  BarrierCoordinator(EventLoop loop, SparkConf conf, TaskRunner runner, Consumer<SimEvent> emit) {
    this.loop = loop;
    this.timeoutMs = conf.barrierSyncTimeoutSeconds() * 1000;
    this.timeoutSeconds = conf.barrierSyncTimeoutSeconds();
    this.runner = runner;
    this.emit = emit;
    this.timeoutKind = loop.register((SyncState s) -> {
      s.timeout = EventLoop.NO_EVENT;
      timeout(s.taskSet, s);
    });
  }

  /** Task {@code t} called {@code barrier()} number {@code epoch}. */
  void arrive(TaskAttempt t, int epoch) {
    TaskSetManager ts = t.taskSet;
    SyncState s = state(ts);
    if (s.closed) return;
    s.waiting.add(t);
    if (s.waiting.size() == 1) {
      s.timeout = loop.at(loop.now() + timeoutMs, Phase.DRIVER, timeoutKind, s);
    }
    // RequestToSync carries the stage's partition count (TaskContext.numPartitions), not the
    // attempt's task count: an attempt that reruns only some partitions never completes a sync.
    if (s.waiting.size() == ts.stage.numPartitions) {
      long waitMs = 0;
      for (TaskAttempt w : s.waiting) waitMs += runner.release(w, loop.now(), w == t) - w.waitEnter();
      emit.accept(new SimEvent.BarrierSyncReleased(loop.now(), ts.stage.job.name, ts.stage.spec.name(),
          ts.stageAttempt, s.epoch, waitMs));
      s.waiting.clear();
      s.epoch++;
      cancelTimeout(s);
    }
  }

  /** The stage attempt ended: drop its state without replying. */
  void close(TaskSetManager ts) {
    if (ts.barrierSync != null) {
      ts.barrierSync.closed = true;
      ts.barrierSync.waiting.clear();
      cancelTimeout(ts.barrierSync);
    }
  }

  private void cancelTimeout(SyncState s) {
    loop.cancel(s.timeout);
    s.timeout = EventLoop.NO_EVENT;
  }

  /** Fires only while the epoch waits: a release or the end of the stage attempt cancels it. */
  private void timeout(TaskSetManager ts, SyncState s) {
    Stage stage = ts.stage;
    String reason = SparkMessages.syncTimeout(s.epoch, stage, ts.stageAttempt, timeoutSeconds);
    long waitMs = 0;
    for (TaskAttempt w : s.waiting) waitMs += runner.failAtNextPoll(w, loop.now(), reason) - w.waitEnter();
    emit.accept(new SimEvent.BarrierSyncTimedOut(loop.now(), stage.job.name, stage.spec.name(), ts.stageAttempt,
        s.epoch, s.waiting.size(), ts.stage.numPartitions, waitMs));
    s.waiting.clear();
    s.closed = true;
  }

  private static SyncState state(TaskSetManager ts) {
    if (ts.barrierSync == null) ts.barrierSync = new SyncState(ts);
    return ts.barrierSync;
  }
}
