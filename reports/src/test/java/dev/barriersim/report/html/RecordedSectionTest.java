package dev.barriersim.report.html;

import static dev.barriersim.report.data.OutputFixture.job;
import static dev.barriersim.report.data.OutputFixture.run;
import static dev.barriersim.report.data.OutputFixture.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.data.OutputFixture;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html of an imported scenario: a "recorded vs simulated" row per job, from recorded/tasks.csv and the barrier arm. */
class RecordedSectionTest {
  @TempDir Path tmp;

  /** Two jobs: etl replays 40 ms late (within 150 ms), train 900 ms early of 10 s (above 5 %). */
  private OutputFixture folder() throws IOException {
    return new OutputFixture(tmp).scenario("imported", 1)
        .run(run("barrier", 0, 12_000, List.of(job("job-0", "SUCCEEDED", 0, 2040L), job("job-1", "SUCCEEDED", 1000, 10_100L)),
            List.of(stage("job-0", "stage-0", false, 0), stage("job-1", "stage-1", true, 1)), 3, 0))
        .aggregate("barrier", "makespanMs", 12_000, 12_000, 12_000, 1)
        .tasks("barrier", OutputFixture.NEW_HEADER,
            "job-0,stage-0,0,0,0,0,host-0,0,2040,SUCCESS,,0,0,,",
            "job-1,stage-1,0,0,0,0,host-0,2040,10100,SUCCESS,,1,0,,",
            "job-1,stage-1,0,1,0,1,host-0,2040,10100,SUCCESS,,2,0,,");
  }

  private static Document page(ScenarioFiles in) throws IOException {
    return Jsoup.parse(ReportPage.render(in, List.of()));
  }

  @Test
  void eachJobHasARowWithTheRecordedAndSimulatedEndAndTheError() throws IOException {
    Document d = page(folder().tasks("recorded", OutputFixture.NEW_HEADER,
        "job-0,stage-0,0,0,0,0,localhost,5,2000,SUCCESS,,0,0,,",
        "job-1,stage-1,0,0,0,0,localhost,2100,11000,SUCCESS,,1,0,,",
        "job-1,stage-1,0,1,0,1,localhost,2100,10900,SUCCESS,,2,0,,").open());
    Element section = d.getElementById("recorded");
    assertEquals("Recorded vs simulated", section.selectFirst("h2").text());
    List<Element> rows = section.select("tbody tr");
    assertEquals(2, rows.size());
    assertEquals(List.of("job-0", "0ms", "2.0s 1 attempt", "2.0s 1 attempt", "+40ms 2.0 % of the recorded time", "yes"),
        rows.get(0).select("td").eachText());
    assertEquals(List.of("job-1", "1.0s", "11.0s 2 attempts", "10.1s 2 attempts", "\u2212900ms -9.0 % of the recorded time",
        "no"), rows.get(1).select("td").eachText());
    assertTrue(section.text().contains("1 of 2 jobs within the tolerance"), section.text());
  }

  @Test
  void otherAttemptCountsAreNotWithinTheTolerance() throws IOException {
    Document d = page(folder().tasks("recorded", OutputFixture.NEW_HEADER,
        "job-0,stage-0,0,0,0,0,localhost,5,1000,FAILED,boom,0,0,,",
        "job-0,stage-0,0,0,1,0,localhost,1000,2000,SUCCESS,,1,0,,").open());
    Element row = d.getElementById("recorded").selectFirst("tbody tr");
    assertEquals("no (other attempts)", row.select("td").last().text());
  }

  @Test
  void aScenarioThatWasNotImportedHasNoSuchSection() throws IOException {
    assertNull(page(folder().open()).getElementById("recorded"));
  }
}
