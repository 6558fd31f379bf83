package dev.barriersim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.RunEvents.ExecutorSpan;
import dev.barriersim.report.data.RunEvents.SlotCheck;
import dev.barriersim.report.data.RunEvents.SlotCheckWait;
import dev.barriersim.report.data.RunEvents.StageRef;
import dev.barriersim.report.data.RunEvents.TaskSetWait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsJsonlTest {
  @TempDir Path tmp;

  private RunEvents read(String... lines) throws IOException {
    Path f = tmp.resolve("events.jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return EventsJsonl.read(f);
  }

  @Test
  void collectsExecutorsWaitsAndSlotChecksAndSkipsWhatItDoesNotKnow() throws IOException {
    RunEvents e = read(
        "{\"t\":0,\"type\":\"RunStarted\",\"scenario\":\"x\",\"seed\":1}",
        "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"0\",\"host\":\"host-0\",\"cores\":4}",
        "{\"t\":0,\"type\":\"ExecutorAdded\",\"executor\":\"1\",\"host\":\"host-0\",\"cores\":8,\"resources\":\"gpu:2;fpga:1\"}",
        "{\"t\":0,\"type\":\"JobSubmitted\",\"job\":\"gang\",\"jobId\":0}",
        "{\"t\":0,\"type\":\"SlotCheckFailed\",\"job\":\"gang\",\"stage\":\"fit\",\"required\":16,\"available\":12,\"failures\":1,\"willRetry\":true}",
        "{\"t\":15000,\"type\":\"SlotCheckFailed\",\"job\":\"gang\",\"stage\":\"fit\",\"required\":16,\"available\":12,\"failures\":2,\"willRetry\":true}",
        "{\"t\":20000,\"type\":\"SomethingNew\",\"nested\":{\"a\":[1,{\"b\":2}]},\"job\":\"gang\"}",
        "{\"t\":30000,\"type\":\"JobStarted\",\"job\":\"gang\",\"jobId\":0}",
        "{\"t\":30000,\"type\":\"StageSubmitted\",\"job\":\"gang\",\"stage\":\"fit\",\"stageId\":0,\"stageAttempt\":0,\"tasks\":16,\"barrier\":true}",
        "{\"t\":30000,\"type\":\"StageSubmitted\",\"job\":\"etl\",\"stage\":\"scan\",\"stageId\":1,\"stageAttempt\":0,\"tasks\":4,\"barrier\":false}",
        "{\"t\":30000,\"type\":\"TaskLaunched\",\"job\":\"etl\",\"stage\":\"scan\",\"stageAttempt\":0,\"partition\":0,\"attempt\":0,\"taskId\":0,\"executor\":\"0\",\"host\":\"host-0\"}",
        "{\"t\":31000,\"type\":\"BarrierRoundSkipped\",\"job\":\"gang\",\"stage\":\"fit\",\"stageAttempt\":0,\"needed\":16,\"free\":3,\"fullRound\":true}",
        "{\"t\":32000,\"type\":\"TaskLaunched\",\"job\":\"gang\",\"stage\":\"fit\",\"stageAttempt\":0,\"partition\":0,\"attempt\":0,\"taskId\":1,\"executor\":\"1\",\"host\":\"host-0\",\"resources\":\"gpu:0\"}",
        "{\"t\":32000,\"type\":\"TaskLaunched\",\"job\":\"gang\",\"stage\":\"fit\",\"stageAttempt\":0,\"partition\":1,\"attempt\":0,\"taskId\":2,\"executor\":\"1\",\"host\":\"host-0\"}",
        "{\"t\":40000,\"type\":\"StageSubmitted\",\"job\":\"gang\",\"stage\":\"fit\",\"stageId\":0,\"stageAttempt\":1,\"tasks\":16,\"barrier\":true}",
        "{\"t\":45000,\"type\":\"StageCompleted\",\"job\":\"gang\",\"stage\":\"fit\",\"stageId\":0,\"stageAttempt\":1,\"status\":\"FAILED\",\"reason\":\"x, y\"}",
        "{\"t\":46000,\"type\":\"SlotCheckFailed\",\"job\":\"big\",\"stage\":\"all\",\"required\":64,\"available\":12,\"failures\":1,\"willRetry\":false}",
        "{\"t\":46000,\"type\":\"JobEnded\",\"job\":\"big\",\"status\":\"FAILED\",\"reason\":\"[SPARK-24819]\"}",
        "{\"t\":50000,\"type\":\"StageSubmitted\",\"job\":\"late\",\"stage\":\"fit\",\"stageId\":3,\"stageAttempt\":0,\"tasks\":2,\"barrier\":true}",
        "{\"t\":55000,\"type\":\"ExecutorDecommissioned\",\"executor\":\"0\"}",
        "{\"t\":56000,\"type\":\"ExecutorLost\",\"executor\":\"0\",\"reason\":\"Executor decommission.\"}",
        "{\"t\":60000,\"type\":\"TaskEnded\",\"job\":\"etl\",\"stage\":\"scan\",\"stageAttempt\":0,\"partition\":0,\"attempt\":0,\"taskId\":0,\"executor\":\"0\",\"status\":\"SUCCESS\"}");

    assertEquals(List.of(
        new ExecutorSpan("0", "host-0", 4, Map.of(), 0, 55000, 56000),
        new ExecutorSpan("1", "host-0", 8, Map.of("gpu", 2, "fpga", 1), 0, RunEvents.NEVER, RunEvents.NEVER)),
        e.executors());
    assertEquals(2, e.executors().get(1).amount("gpu"));
    assertEquals(0, e.executors().get(0).amount("gpu"));
    assertEquals(List.of(
        new TaskSetWait("gang", "fit", 0, new Interval(30000, 32000), true),
        new TaskSetWait("gang", "fit", 1, new Interval(40000, 45000), false),
        new TaskSetWait("late", "fit", 0, new Interval(50000, 60000), false)), e.taskSetWaits(),
        "to the first launch, else the stage's end, else the run's end; non-barrier stages never wait here");
    assertEquals(List.of(
        new SlotCheckWait("gang", "fit", new Interval(0, 30000), true),
        new SlotCheckWait("big", "all", new Interval(46000, 46000), false)), e.slotCheckWaits());
    assertEquals(List.of(
        new SlotCheck(0, "gang", "fit", 16, 12, true),
        new SlotCheck(15000, "gang", "fit", 16, 12, true),
        new SlotCheck(46000, "big", "all", 64, 12, false)), e.slotCheckFailures());
    assertEquals(Set.of(new StageRef("gang", "fit"), new StageRef("late", "fit")), e.barrierStages());
    assertEquals(60000, e.runEndMs(), "the last event, even one of a type that is otherwise skipped");
  }

  @Test
  void linesInAnotherShapeAreParsedInFull() throws IOException {
    Path f = tmp.resolve("other.jsonl");
    Files.writeString(f, "{\"type\":\"ExecutorAdded\",\"t\":5,\"executor\":\"7\",\"host\":\"h\",\"cores\":2}\r\n"
        + "  \r\n"
        + "{ \"t\": 9, \"type\": \"TaskEnded\", \"job\": \"j\" }\r\n"
        + "{\"t\":12,\"type\":\"TaskEnded\",\"job\":\"j\"}");
    RunEvents e = EventsJsonl.read(f);
    assertEquals(List.of(new ExecutorSpan("7", "h", 2, Map.of(), 5, RunEvents.NEVER, RunEvents.NEVER)), e.executors(),
        "type before t: not the writer's shape, so parsed");
    assertEquals(12, e.runEndMs(), "the last line has no line break and is skipped after reading its time");
  }

  @Test
  void aBrokenLineOfASkippedTypeIsStillReported() {
    IOException e = assertThrows(IOException.class, () -> read(
        "{\"t\":0,\"type\":\"RunStarted\"}",
        "{\"t\":1,\"type\":\"TaskEnded\",\"job\":"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void anEmptyLogHasNothing() throws IOException {
    Path f = tmp.resolve("empty.jsonl");
    Files.writeString(f, "");
    RunEvents e = EventsJsonl.read(f);
    assertTrue(e.executors().isEmpty());
    assertEquals(0, e.runEndMs());
  }

  @Test
  void aBrokenLineIsReportedWithItsNumber() {
    IOException e = assertThrows(IOException.class, () -> read(
        "{\"t\":0,\"type\":\"RunStarted\"}",
        "{\"t\":1,\"type\":\"ExecutorAdded\",\"executor\":\"0\",",
        "{\"t\":2,\"type\":\"JobEnded\"}"));
    assertTrue(e.getMessage().contains("line 3") || e.getMessage().contains("line 2"), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }
}
