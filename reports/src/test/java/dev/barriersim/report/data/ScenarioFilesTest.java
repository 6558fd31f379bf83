package dev.barriersim.report.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
  @TempDir Path tmp;

  @Test
  void aSummaryWithoutTheModesFieldListsTheModesOfItsRuns() throws IOException {
    Files.writeString(tmp.resolve("summary.json"), """
        {"scenario": "old", "seed": 1, "version": "0.0.9", "runs": [
          {"mode": "non-barrier", "replication": 0, "seed": 1, "outcome": "COMPLETED", "makespanMs": 5, "jobs": [], "stages": []},
          {"mode": "barrier", "replication": 0, "seed": 1, "outcome": "COMPLETED", "makespanMs": 6, "jobs": [], "stages": []},
          {"mode": "non-barrier", "replication": 1, "seed": 2, "outcome": "COMPLETED", "makespanMs": 5, "jobs": [], "stages": []}],
         "aggregates": {}}
        """);
    ScenarioFiles in = ScenarioFiles.open(tmp);
    assertEquals(List.of("non-barrier", "barrier"), in.modes());
    assertEquals(6, in.first("barrier").orElseThrow().makespanMs());
  }
}
