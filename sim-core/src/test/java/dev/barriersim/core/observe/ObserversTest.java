package dev.barriersim.core.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.barriersim.core.event.HeldResources;
import dev.barriersim.core.event.TaskLocality;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fan-out: sinks get task events as values, other listeners one shared record, everyone in order. */
class ObserversTest {
  private final List<String> calls = new ArrayList<>();

  private final class Plain implements SimulationListener {
    final String name;
    final List<SimEvent> seen = new ArrayList<>();

    Plain(String name) {
      this.name = name;
    }

    @Override
    public void onEvent(SimEvent e) {
      seen.add(e);
      calls.add(name + ":" + e.type());
    }
  }

  private final class Sink implements FrequentEventSink {
    @Override
    public void onEvent(SimEvent e) {
      calls.add("sink:" + e.type());
    }

    @Override
    public void taskLaunched(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
        String executor, String host, HeldResources resources, TaskLocality locality) {
      calls.add("sink:launched " + job + "/" + stage + " " + taskId + "@" + t + " on " + executor);
    }

    @Override
    public void barrierRoundSkipped(long t, String job, String stage, int stageAttempt, int needed, int free,
        boolean fullRound) {
      calls.add("sink:skipped " + job + "/" + stage + " needs " + needed + " of " + free + "@" + t);
    }

    @Override
    public void taskEnded(long t, String job, String stage, int stageAttempt, int partition, int attempt, long taskId,
        String executor, String host, long launchMs, TaskStatus status, String reason, HeldResources resources,
        long[] barrierWaits) {
      calls.add("sink:ended " + taskId + "@" + t + " " + status + " " + reason + " waits " + barrierWaits.length / 2);
    }
  }

  @Test
  void sinksGetValues_otherListenersOneSharedRecord_inListenerOrder() {
    Plain first = new Plain("first");
    Plain last = new Plain("last");
    Observers o = new Observers(List.of(first, new Sink(), last));
    o.taskLaunched(5, "j", "s", 1, 3, 0, 42, "7", "host-7", null, dev.barriersim.core.event.TaskLocality.PROCESS_LOCAL);
    o.taskEnded(9, "j", "s", 1, 3, 0, 42, "7", "host-7", 5, TaskStatus.FAILED, "boom", null, new long[] {6, 8});
    o.barrierRoundSkipped(9, "g", "b", 0, 8, 3, true);
    o.accept(new SimEvent.JobSubmitted(10, "j", 0));

    assertEquals(List.of("first:TaskLaunched", "sink:launched j/s 42@5 on 7", "last:TaskLaunched",
        "first:TaskEnded", "sink:ended 42@9 FAILED boom waits 1", "last:TaskEnded",
        "first:BarrierRoundSkipped", "sink:skipped g/b needs 8 of 3@9", "last:BarrierRoundSkipped",
        "first:JobSubmitted", "sink:JobSubmitted", "last:JobSubmitted"), calls);
    assertEquals(new SimEvent.TaskLaunched(5, "j", "s", 1, 3, 0, 42, "7", "host-7"), first.seen.get(0));
    assertEquals(new SimEvent.TaskEnded(9, "j", "s", 1, 3, 0, 42, "7", "host-7", 5, TaskStatus.FAILED, "boom", null,
        new long[] {6, 8}), first.seen.get(1));
    assertSame(first.seen.get(0), last.seen.get(0), "one record for all listeners that need one");
    assertSame(first.seen.get(1), last.seen.get(1));
    assertEquals(new SimEvent.BarrierRoundSkipped(9, "g", "b", 0, 8, 3, true), first.seen.get(2));
    assertSame(first.seen.get(2), last.seen.get(2));
  }
}
