package dev.barriersim.core.observe;

import dev.barriersim.core.event.TaskLocality;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.Outcome;
import dev.barriersim.core.event.TaskStatus;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rows reused after the ring wrapped several times carry nothing of the attempt that held them
 * before: each row shows its own end, and an attempt still running shows no end at all.
 */
class TaskTimelineWriterReuseTest {
  @Test
  void everyRowShowsItsOwnEndThroughManyReuses() {
    int n = 5000;
    Random random = new Random(20261127L);
    StringWriter out = new StringWriter();
    TaskTimelineWriter w = new TaskTimelineWriter(out);
    long[] endMs = new long[n];
    TaskStatus[] status = new TaskStatus[n];
    String[] reason = new String[n];
    List<Integer> running = new ArrayList<>();
    long t = 0;
    int launched = 0;
    while (launched < n || running.size() > 40) {
      t++;
      if (launched < n && (running.isEmpty() || random.nextInt(3) > 0)) {
        w.taskLaunched(t, "j", "s", 0, launched, 0, launched, "e" + launched % 5, "h", null, TaskLocality.PROCESS_LOCAL);
        running.add(launched++);
      } else {
        Collections.swap(running, random.nextInt(running.size()), running.size() - 1);
        int id = running.remove(running.size() - 1);
        endMs[id] = t;
        status[id] = id % 3 == 0 ? TaskStatus.FAILED : TaskStatus.SUCCESS;
        reason[id] = id % 3 == 0 ? "boom " + id : null;
        w.taskEnded(t, "j", "s", 0, id, 0, id, "e" + id % 5, "h", 0, status[id], reason[id], null, new long[0]);
      }
    }
    w.onRunEnd(t, Outcome.HORIZON);

    String[] lines = out.toString().split("\n");
    assertEquals(n + 1, lines.length, "a header and one row per attempt");
    for (int id = 0; id < n; id++) {
      String[] f = lines[id + 1].split(",", -1);
      assertEquals(String.valueOf(id), f[11], "rows in launch order");
      if (running.contains(id)) {
        assertEquals("", f[8], "a running attempt has no end: " + lines[id + 1]);
        assertEquals("RUNNING", f[9]);
        assertEquals("", f[10]);
      } else {
        assertEquals(String.valueOf(endMs[id]), f[8], lines[id + 1]);
        assertEquals(status[id].name(), f[9]);
        assertEquals(reason[id] == null ? "" : reason[id], f[10]);
      }
    }
  }

  @Test
  void aLongTaskHoldsBackEveryLaterRowAndTheyComeOutWhole() {
    StringWriter out = new StringWriter();
    TaskTimelineWriter w = new TaskTimelineWriter(out);
    int n = 30_000; // far more row starts than one written chunk, so the buffer of starts is compacted
    w.taskLaunched(0, "job-\u00e9", "long", 0, 0, 0, 0, "0", "h0", null, TaskLocality.PROCESS_LOCAL);
    for (int id = 1; id <= n; id++) {
      w.taskLaunched(id, "j", "s", 0, id, 0, id, String.valueOf(id % 7), "h" + id % 7, null, TaskLocality.ANY);
      w.taskEnded(id + 1, "j", "s", 0, id, 0, id, String.valueOf(id % 7), "h" + id % 7, id, TaskStatus.SUCCESS, null,
          null, new long[0]);
      if (id % 5000 == 0) { // the head still waits: every row so far is held back
        assertEquals(TaskTimelineWriter.HEADER, out.toString());
      }
    }
    w.taskEnded(n + 5, "job-\u00e9", "long", 0, 0, 0, 0, "0", "h0", 0, TaskStatus.FAILED, "a, \"quoted\" reason: \u00e9 \ud83d\ude00", null,
        new long[] {3, 4});
    w.onRunEnd(n + 5, Outcome.HORIZON);

    String[] lines = out.toString().split("\n");
    assertEquals(n + 2, lines.length);
    assertEquals("job-\u00e9,long,0,0,0,0,h0,0," + (n + 5) + ",FAILED,\"a, \"\"quoted\"\" reason: \u00e9 \ud83d\ude00\",0,0,,3-4", lines[1]);
    for (int id = 1; id <= n; id++) {
      assertEquals("j,s,0," + id + ",0," + id % 7 + ",h" + id % 7 + "," + id + "," + (id + 1) + ",SUCCESS,," + id + ","
          + (id % 7 == 0 ? 1 : 0) + ",,", lines[id + 1]);
    }
  }

  @Test
  void theRingGrowsAfterItWrappedAndKeepsLaunchOrder() {
    StringWriter out = new StringWriter();
    TaskTimelineWriter w = new TaskTimelineWriter(out);
    int id = 0;
    for (; id < 700; id++) { // the oldest pending row moves 700 places into the ring
      w.taskLaunched(id, "j", "s", 0, id, 0, id, "0", "h", null, TaskLocality.ANY);
      w.taskEnded(id, "j", "s", 0, id, 0, id, "0", "h", id, TaskStatus.SUCCESS, null, null, new long[0]);
    }
    int longTask = id;
    for (; id < 700 + 3000; id++) { // 3,000 pending rows: the ring wraps, then grows twice
      w.taskLaunched(id, "j", "s", 0, id, 0, id, "1", "h", null, TaskLocality.ANY);
    }
    for (int k = 700 + 2999; k > longTask; k--) { // ended newest first: all wait for the oldest
      w.taskEnded(5000 + k, "j", "s", 0, k, 0, k, "1", "h", k, TaskStatus.KILLED, "r" + k, null, new long[] {k, k + 1});
    }
    w.taskEnded(9000, "j", "s", 0, longTask, 0, longTask, "1", "h", longTask, TaskStatus.SUCCESS, null, null,
        new long[0]);
    w.onRunEnd(9000, Outcome.HORIZON);

    String[] lines = out.toString().split("\n");
    assertEquals(1 + 3700, lines.length);
    assertEquals("j,s,0,700,0,1,h,700,9000,SUCCESS,,700,0,,", lines[701]);
    for (int k = 701; k < 3700; k++) {
      assertEquals("j,s,0," + k + ",0,1,h," + k + "," + (5000 + k) + ",KILLED,r" + k + "," + k + "," + (k - 700)
          + ",," + k + "-" + (k + 1), lines[k + 1]);
    }
  }

  @Test
  void slotsAreLowestFreePerExecutorWhateverItsNameAndIdsMayComeOutOfOrder() {
    StringWriter out = new StringWriter();
    TaskTimelineWriter w = new TaskTimelineWriter(out);
    // {id, executor}, launched in this order; ids after the fourth go backwards (a replayed feed).
    String[][] launches = {{"10", "exec-a"}, {"11", "exec-a"}, {"12", "exec-a"}, {"13", "12"}, {"5", "1234567890"},
        {"7", "12"}, {"6", "exec-b"}};
    for (int i = 0; i < 3; i++) launch(w, i, launches[i]);
    end(w, 20, "11", "exec-a");
    launch(w, 21, new String[] {"14", "exec-a"}); // takes slot 1, freed by 11
    for (int i = 3; i < launches.length; i++) launch(w, 30 + i, launches[i]);
    end(w, 40, "5", "1234567890");
    end(w, 41, "7", "12");
    end(w, 42, "10", "exec-a");
    w.onRunEnd(50, Outcome.HORIZON);

    String[] lines = out.toString().split("\n");
    String[] expected = { // id, executor, launch, end, status, slot
        "10,exec-a,0,42,SUCCESS,0", "11,exec-a,1,20,SUCCESS,1", "12,exec-a,2,,RUNNING,2", "14,exec-a,21,,RUNNING,1",
        "13,12,33,,RUNNING,0", "5,1234567890,34,40,SUCCESS,0", "7,12,35,41,SUCCESS,1", "6,exec-b,36,,RUNNING,0"};
    assertEquals(expected.length + 1, lines.length, out.toString());
    for (int i = 0; i < expected.length; i++) {
      String[] f = lines[i + 1].split(",", -1);
      assertEquals(expected[i], String.join(",", f[11], f[5], f[7], f[8], f[9], f[12]), lines[i + 1]);
    }
  }

  private static void launch(TaskTimelineWriter w, long t, String[] idAndExecutor) {
    long id = Long.parseLong(idAndExecutor[0]);
    w.taskLaunched(t, "j", "s", 0, (int) id, 0, id, idAndExecutor[1], "h", null, TaskLocality.ANY);
  }

  private static void end(TaskTimelineWriter w, long t, String id, String executor) {
    long i = Long.parseLong(id);
    w.taskEnded(t, "j", "s", 0, (int) i, 0, i, executor, "h", 0, TaskStatus.SUCCESS, null, null, new long[0]);
  }
}
