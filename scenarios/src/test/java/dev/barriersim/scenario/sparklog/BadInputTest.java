package dev.barriersim.scenario.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs that cannot be imported: one message, naming the file and the line, with what to do. */
class BadInputTest {
  @TempDir Path dir;

  private static List<String> fixture() throws Exception {
    return Files.readAllLines(FixtureReplayTest.fixture("cb_barrier_4x1s").resolve("eventlog.json"));
  }

  private String refused(String name, byte[] content) throws Exception {
    Path log = dir.resolve(name);
    Files.write(log, content);
    return assertThrows(EventLogException.class, () -> SparkLogImporter.importLog(log, ImportOptions.defaults()))
        .getMessage();
  }

  private String refused(String name, List<String> lines) throws Exception {
    return refused(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTruncatedLastLineIsNamedByItsLine() throws Exception {
    List<String> lines = new ArrayList<>(fixture());
    int last = lines.size();
    String cut = lines.get(last - 2).substring(0, 40); // the last JobEnd, cut as a killed writer leaves it
    List<String> truncated = new ArrayList<>(lines.subList(0, last - 2));
    String text = String.join("\n", truncated) + "\n" + cut;
    String m = refused("app.inprogress", text.getBytes(StandardCharsets.UTF_8));
    assertEquals(dir.resolve("app.inprogress") + ":" + (last - 1) + ": the log ends in the middle of the event that"
        + " starts on this line (a truncated last line: the application was still running, or was killed); import the"
        + " finished log, or delete the incomplete last line", m);
  }

  @Test
  void jsonThatIsNotASparkLogIsRefusedAtItsFirstLine() throws Exception {
    String m = refused("data.json", List.of("{\"name\": \"x\", \"value\": 1}", "{\"name\": \"y\"}"));
    assertEquals(dir.resolve("data.json") + ":1: not a Spark event log: it starts with a JSON object without an"
        + " \"Event\" field, not SparkListenerLogStart; give a Spark event log (the files under spark.eventLog.dir)", m);
  }

  @Test
  void aLaterObjectWithoutEventIsRefusedAtItsLine() throws Exception {
    List<String> lines = new ArrayList<>(fixture().subList(0, 5));
    lines.add("{\"hello\": 1}");
    String m = refused("mixed.json", lines);
    assertEquals(dir.resolve("mixed.json") + ":6: not a Spark event log: this JSON object has no \"Event\" field; give"
        + " a Spark event log: every line is a listener event such as {\"Event\":\"SparkListenerTaskEnd\",...}", m);
  }

  @Test
  void anUnsupportedVersionIsRefused() throws Exception {
    List<String> lines = new ArrayList<>(fixture());
    lines.set(0, "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"2.4.8\"}");
    String m = refused("old.json", lines);
    assertEquals(dir.resolve("old.json") + ":1: Spark version '2.4.8' is not supported (supported: 3.0 to 4.x; logs"
        + " before 3.0 do not mark barrier stages); record the application with Spark 3.0 to 4.x", m);
  }

  @Test
  void binaryGarbageIsNamedAsBinary() throws Exception {
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 1, 2, 3};
    String m = refused("log.zip", zip);
    assertEquals(dir.resolve("log.zip") + ":1: not a Spark event log: binary data (first bytes 50 4b 03 04 14 00 00 00),"
        + " and not compressed with one of Spark's codecs (zstd, lz4, snappy, lzf) or gzip; give a Spark event log: JSON"
        + " lines, optionally compressed by Spark", m);
  }

  @Test
  void binaryDataWithoutControlBytesAndPlainTextAreNamed() throws Exception {
    byte[] high = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, 0x41, 0x42, 0x43, 0x44, 0x45};
    assertEquals(true, refused("high.bin", high).contains(":1: not a Spark event log: binary data (first bytes c3 28 a0 a1"));
    assertEquals(dir.resolve("notes.txt") + ":1: not a Spark event log: it does not start with a JSON object (it starts"
        + " with 'hello world'); give a Spark event log: one JSON object per line, optionally compressed by Spark",
        refused("notes.txt", "hello world\nsecond line\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void garbageInTheMiddleIsRefusedAtItsLine() throws Exception {
    List<String> lines = new ArrayList<>(fixture());
    lines.set(9, "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":0,\u0001garbage");
    String m = refused("damaged.json", lines);
    assertEquals(true, m.startsWith(dir.resolve("damaged.json") + ":10: not valid JSON ("), m);
    assertEquals(true, m.endsWith("the file is damaged at this line"), m);
  }

  @Test
  void anEmptyFileAndAMissingOneAreRefused() throws Exception {
    assertEquals(dir.resolve("empty.json") + ": the file is empty; give a Spark event log", refused("empty.json", new byte[0]));
    Path missing = dir.resolve("nope.json");
    assertEquals(missing + ": no such file or folder; give the path of a Spark event log file or of a rolling log's"
        + " eventlog_v2_* folder", assertThrows(EventLogException.class,
            () -> SparkLogImporter.importLog(missing, ImportOptions.defaults())).getMessage());
  }

  @Test
  void aJobThatIsNotInTheLogIsRefused() throws Exception {
    Path log = FixtureReplayTest.fixture("cb_barrier_4x1s").resolve("eventlog.json");
    String m = assertThrows(EventLogException.class,
        () -> SparkLogImporter.importLog(log, new ImportOptions(Set.of(4, 9), false))).getMessage();
    assertEquals(log + ": no job [9] in the log; its jobs are [0, 1, 2, 3, 4]; give --jobs a comma-separated list of"
        + " Spark job ids from the log", m);
  }
}
