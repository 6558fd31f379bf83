package dev.barriersim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksCsvTest {
  @TempDir Path tmp;

  private List<TaskRow> read(String text) throws IOException {
    Path f = tmp.resolve("tasks.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    List<TaskRow> rows = new ArrayList<>();
    TasksCsv.forEach(f, rows::add);
    return rows;
  }

  @Test
  void aQuotedReasonKeepsItsCommasQuotesAndLineBreaksAndTheColumnsAfterItStayInPlace() throws IOException {
    List<TaskRow> rows = read(OutputFixture.NEW_HEADER + "\n"
        + "train,fit,0,2,0,3,host-1,500,900,FAILED,\"Stage failed, because \"\"task 2\"\" died,\nsee log\",42,1,gpu:0 1;fpga:0,600-700 800-900\n");
    assertEquals(1, rows.size());
    TaskRow r = rows.get(0);
    assertEquals("Stage failed, because \"task 2\" died,\nsee log", r.reason());
    assertEquals(TaskStatus.FAILED, r.status());
    assertEquals(42, r.taskId());
    assertEquals(1, r.slot());
    assertEquals(List.of("0", "1"), r.addresses("gpu"));
    assertEquals(List.of("0"), r.addresses("fpga"));
    assertEquals(List.of(), r.addresses("tpu"));
    assertEquals(List.of(new Interval(600, 700), new Interval(800, 900)), r.barrierWaits());
    assertEquals("3", r.executor());
    assertEquals(500, r.launchMs());
    assertEquals(900, r.endMs());
  }

  @Test
  void aRunningRowHasNoEndAndEndsAtTheRunEndWhenAsked() throws IOException {
    List<TaskRow> rows = read(OutputFixture.NEW_HEADER + "\r\n"
        + "j,s,0,0,0,0,host-0,100,,RUNNING,,0,0,,\r\n"
        + "j,s,0,1,0,0,host-0,200,300,SUCCESS,,1,1,,\r\n");
    assertEquals(2, rows.size(), "CRLF line ends are accepted");
    assertFalse(rows.get(0).ended());
    assertEquals(TaskRow.NO_END, rows.get(0).endMs());
    assertEquals(5000, rows.get(0).endOr(5000));
    assertTrue(rows.get(1).ended());
    assertEquals(300, rows.get(1).endOr(5000));
  }

  @Test
  void anOldFileWithoutTheNewColumnsGetsTheLowestFreeLaneAtLaunch() throws IOException {
    Path f = tmp.resolve("old.csv");
    Files.writeString(f, OutputFixture.OLD_HEADER + "\n"
        + "j,s,0,0,0,0,h,0,100,SUCCESS,,0\n"      // lane 0
        + "j,s,0,1,0,0,h,0,50,SUCCESS,,1\n"       // lane 1
        + "j,s,0,2,0,1,h,0,500,SUCCESS,,2\n"      // other executor: lane 0
        + "j,s,0,3,0,0,h,50,120,SUCCESS,,3\n"     // lane 1 freed at 50 exactly: lane 1
        + "j,s,0,4,0,0,h,60,,RUNNING,,4\n"        // lanes 0 and 1 busy: lane 2, held to the end
        + "j,s,0,5,0,0,h,100,200,KILLED,,5\n"     // lane 0 freed at 100
        + "j,s,0,6,0,0,h,130,140,SUCCESS,,6\n");  // lane 1 freed at 120; lane 2 still running
    List<Integer> slots = new ArrayList<>();
    try (TasksCsv csv = TasksCsv.open(f)) {
      assertFalse(csv.hasSlotColumn());
      assertFalse(csv.hasResourcesColumn());
      TaskRow r;
      while ((r = csv.next()) != null) {
        slots.add(r.slot());
        assertEquals(List.of(), r.barrierWaits());
        assertEquals("", r.resources());
      }
    }
    assertEquals(List.of(0, 1, 0, 1, 2, 0, 1), slots);
  }

  @Test
  void columnsAreFoundByTheirHeaderNames() throws IOException {
    List<TaskRow> rows = read("status,endMs,launchMs,executor,attempt,partition,stageAttempt,stage,job,slot\n"
        + "SUCCESS,30,10,7,1,4,2,map,etl#3,5\n");
    TaskRow r = rows.get(0);
    assertEquals("etl#3", r.job());
    assertEquals("map", r.stage());
    assertEquals(2, r.stageAttempt());
    assertEquals(4, r.partition());
    assertEquals(1, r.attempt());
    assertEquals(5, r.slot());
    assertEquals("", r.host());
    assertEquals(-1, r.taskId(), "no taskId column");
  }

  @Test
  void aMissingRequiredColumnIsNamed() {
    IOException e = assertThrows(IOException.class, () -> read("job,stage,partition\nj,s,0\n"));
    assertTrue(e.getMessage().contains("stageAttempt"), e.getMessage());
    assertTrue(e.getMessage().contains("launchMs"), e.getMessage());
  }

  @Test
  void aBadValueNamesItsLineAndColumn() {
    IOException e = assertThrows(IOException.class, () -> read(OutputFixture.NEW_HEADER + "\n"
        + "j,s,0,0,0,0,h,0,10,SUCCESS,,0,0,,\n"
        + "j,s,0,1,0,0,h,zero,10,SUCCESS,,1,1,,\n"));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("launchMs"), e.getMessage());
    IOException status = assertThrows(IOException.class, () -> read(OutputFixture.NEW_HEADER + "\n"
        + "j,s,0,0,0,0,h,0,10,DONE,,0,0,,\n"));
    assertTrue(status.getMessage().contains("DONE"), status.getMessage());
    IOException quote = assertThrows(IOException.class, () -> read(OutputFixture.NEW_HEADER + "\n"
        + "j,s,0,0,0,0,h,0,10,FAILED,\"never closed,0,0,,\n"));
    assertTrue(quote.getMessage().contains("not closed"), quote.getMessage());
  }

  @Test
  void barrierWaitsParseAsEnterLeavePairs() {
    assertEquals(List.of(new Interval(1000, 1500), new Interval(3000, 3200)), TasksCsv.waits("1000-1500 3000-3200"));
    assertEquals(List.of(), TasksCsv.waits(""));
    assertThrows(IllegalArgumentException.class, () -> TasksCsv.waits("1000"));
    assertThrows(IllegalArgumentException.class, () -> TasksCsv.waits("1500-1000"));
  }
}
