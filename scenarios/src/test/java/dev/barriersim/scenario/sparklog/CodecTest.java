package dev.barriersim.scenario.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every codec Spark writes event logs with (and gzip) imports to the same scenario as the plain
 * log, including streams flushed mid-way, concatenated streams and rolling logs; damaged data is
 * refused with one message.
 */
class CodecTest {
  @TempDir Path dir;

  private static List<String> fixtureLines() throws Exception {
    return Files.readAllLines(FixtureReplayTest.fixture("etl_then_train").resolve("eventlog.json"));
  }

  private static String importYaml(Path log) throws EventLogException {
    return SparkLogImporter.importLog(log, new ImportOptions(Set.of(4), false)).yaml();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "lz4", "snappy", "lzf", "gzip"})
  void aCompressedLogImportsAsThePlainOne(String codec) throws Exception {
    Path plain = dir.resolve("plain").resolve("eventlog.json");
    Files.createDirectories(plain.getParent());
    Files.write(plain, fixtureLines());
    Path compressed = dir.resolve(codec).resolve("eventlog.json");
    Files.createDirectories(compressed.getParent());
    CompressedLogs.write(fixtureLines(), codec, compressed, 7);
    assertTrue(Files.size(compressed) < Files.size(plain) / 3, "really compressed");
    assertEquals(importYaml(plain), importYaml(compressed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "lz4", "snappy", "lzf"})
  void aRollingLogFolderReadsItsPartsInOrder(String codec) throws Exception {
    List<String> lines = fixtureLines();
    Path plain = dir.resolve("eventlog.json");
    Files.write(plain, lines);
    Path folder = dir.resolve("eventlog_v2_app-1");
    Files.createDirectories(folder);
    int third = lines.size() / 3;
    // written out of name order, and part 10 after part 2, to check numeric ordering
    CompressedLogs.write(lines.subList(2 * third, lines.size()), codec, folder.resolve("events_10_app-1." + codec), 5);
    CompressedLogs.write(lines.subList(0, third), codec, folder.resolve("events_1_app-1." + codec), 5);
    CompressedLogs.write(lines.subList(third, 2 * third), codec, folder.resolve("events_2_app-1." + codec), 5);
    Files.writeString(folder.resolve("appstatus_app-1"), "");
    assertEquals(importYaml(plain).replace("eventlog.json", "X"), importYaml(folder).replace("eventlog_v2_app-1", "X"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lz4", "snappy", "zstd"})
  void concatenatedStreamsAreReadOnAsSparkDoes(String codec) throws Exception {
    List<String> lines = fixtureLines();
    Path plain = dir.resolve("eventlog.json");
    Files.write(plain, lines);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    CompressedLogs.write(lines.subList(0, 100), codec, a, 1000);
    CompressedLogs.write(lines.subList(100, lines.size()), codec, b, 1000);
    Path both = dir.resolve("both").resolve("eventlog.json");
    Files.createDirectories(both.getParent());
    Files.write(both, concat(Files.readAllBytes(a), Files.readAllBytes(b)));
    assertEquals(importYaml(plain), importYaml(both));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "lz4", "snappy", "lzf", "gzip"})
  void damagedCompressedDataIsRefusedWithOneMessage(String codec) throws Exception {
    Path log = dir.resolve("app-1." + codec);
    CompressedLogs.write(fixtureLines(), codec, log, 1000);
    byte[] bytes = Files.readAllBytes(log);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) bytes[i] ^= 0x5A;
    Files.write(log, bytes);
    EventLogException e = assertThrows(EventLogException.class, () -> importYaml(log));
    assertTrue(e.getMessage().startsWith(log + ":"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void xxHash32MatchesLz4JavasOwn() {
    net.jpountz.xxhash.XXHash32 reference = net.jpountz.xxhash.XXHashFactory.safeInstance().hash32();
    java.util.Random r = new java.util.Random(7);
    for (int len : new int[] {0, 1, 3, 4, 15, 16, 17, 31, 32, 33, 100, 1000}) {
      byte[] b = new byte[len + 5];
      r.nextBytes(b);
      assertEquals(reference.hash(b, 2, len, 0x9747b28c), XxHash32.hash(b, 2, len, 0x9747b28c), "length " + len);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
