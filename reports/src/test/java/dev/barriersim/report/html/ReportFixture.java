package dev.barriersim.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.barriersim.report.SummaryJson.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a scenario output folder as the pages read it: summary.json, optional scenario.yaml, data files, charts. */
final class ReportFixture {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportFixture() {}

  /** Writes {@code summary} (and {@code yaml} when not null), tasks and events per mode, and the named charts. */
  static Path write(Path dir, Summary summary, String yaml, String... charts) throws IOException {
    Files.createDirectories(dir);
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary);
    if (yaml != null) Files.writeString(dir.resolve("scenario.yaml"), yaml);
    for (String mode : summary.modes()) {
      Files.createDirectories(dir.resolve(mode));
      Files.writeString(dir.resolve(mode).resolve("tasks.csv"), "job,stage\n");
      Files.writeString(dir.resolve(mode).resolve("events.jsonl"), "{\"t\":0,\"type\":\"RunStarted\"}\n");
    }
    for (String c : charts) {
      Path p = dir.resolve(c);
      Files.createDirectories(p.getParent());
      Files.writeString(p, c.endsWith(".svg") ? "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>" : "png");
    }
    return dir;
  }

  /** Removes top-level fields, as an older {@code summary.json} lacks them. */
  static void removeFields(Path dir, String... names) throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(dir.resolve("summary.json").toFile());
    root.remove(java.util.List.of(names));
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), root);
  }

  /** Adds a GPU utilization to every run of the written summary.json, as newer files carry it. */
  static void addGpu(Path dir, double barrier, double nonBarrier) throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(dir.resolve("summary.json").toFile());
    for (var run : root.withArray("runs")) {
      ArrayNode res = ((ObjectNode) run).putArray("resources");
      res.addObject().put("name", "gpu").put("total", 8).put("busyMs", 1000)
          .put("utilization", run.get("mode").asText().equals("barrier") ? barrier : nonBarrier);
    }
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), root);
  }
}
