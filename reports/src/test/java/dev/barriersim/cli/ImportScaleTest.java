package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory: a synthetic log of a million task events (500,000 tasks; override with
 * -Dimport.scale.tasks) is streamed to a file, then imported by {@code barriersim import} in a
 * child JVM limited to -Xmx512m. The test prints the log's size, wall time and peak heap.
 */
class ImportScaleTest {
  @TempDir Path dir;

  @Test
  void aMillionTaskEventsImportUnderHalfAGigabyteOfHeap() throws Exception {
    int tasks = Integer.getInteger("import.scale.tasks", 500_000);
    Path log = dir.resolve("app-synthetic");
    long genStart = System.nanoTime();
    long bytes = SyntheticEventLog.write(log, tasks, 10_000, 100, 16);
    long genMs = (System.nanoTime() - genStart) / 1_000_000;
    Path out = dir.resolve("synthetic.yaml");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ImportUnderSmallHeap.class.getName(), "import", log.toString(), "--out", out.toString());
    pb.redirectErrorStream(true);
    Path console = dir.resolve("console.txt");
    pb.redirectOutput(console.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the import finishes");
    long childMs = (System.nanoTime() - start) / 1_000_000;
    String text = Files.readString(console, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    Matcher m = Pattern.compile("exit=0 wallMs=(\\d+) peakHeapMb=(\\d+) maxHeapMb=(\\d+)").matcher(text);
    assertTrue(m.find(), text);
    System.out.printf(java.util.Locale.ROOT, "import scale: %d tasks (%d task events), log %d MB written in %d ms;"
        + " import in a -Xmx512m JVM: %s ms inside, %d ms with JVM start, peak heap %s MB (max %s MB)%n",
        tasks, 2L * tasks, bytes / (1024 * 1024), genMs, m.group(1), childMs, m.group(2), m.group(3));
    assertTrue(Long.parseLong(m.group(3)) <= 512, "the child's heap is limited");
    assertTrue(text.contains("imported " + (tasks / 10_000 + 4) / 5 + " of "), text);
    List<String> yaml = Files.readAllLines(out);
    long stages = yaml.stream().filter(l -> l.strip().startsWith("- name: stage-")).count();
    assertEquals((tasks + 9_999) / 10_000, stages);
    assertTrue(bytes > 2L * tasks * 300, "task events of realistic size (" + bytes + " bytes)");
  }
}
