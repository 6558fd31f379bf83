package dev.barriersim.report.html;

import static dev.barriersim.report.SummaryFixtures.failed;
import static dev.barriersim.report.SummaryFixtures.ok;
import static dev.barriersim.report.SummaryFixtures.run;
import static dev.barriersim.report.SummaryFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.SummaryFixtures;
import dev.barriersim.report.SummaryJson.Run;
import dev.barriersim.report.SummaryJson.Summary;
import dev.barriersim.report.data.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
  private static final List<String> BOTH = List.of("barrier", "non-barrier");
  private static final String HOSTILE = "<script>alert('x')</script>";
  private static final String REASON = "Job aborted due to stage failure: ShuffleMapStage 0 (map) has failed the maximum "
      + "allowable number of times: 4. Most recent failure reason:\nStage failed because barrier task "
      + "ShuffleMapTask(0, 26) finished unsuccessfully. " + HOSTILE;
  private static final List<String> CHARTS = List.of("charts/gantt.svg", "charts/gantt.png", "charts/utilization.svg");
  private static final String YAML = """
      # a comment with </pre><script>alert(1)</script>
      name: pipeline
      description: "gangs <b>and</b> failures"
      seed: 23
      cluster:
        executors:
          - {count: 8, cores: 4, resources: {gpu: 1}}
      spark:
        spark.task.cpus: 2
      failures:
        taskFailureProbability: 0.02
      jobs:
        - name: pipeline
          stages:
            - name: map
              tasks: 16
              barrier: true
              phases: [10s, {dist: lognormal, median: 30s, sigma: 0.2}]
            - name: reduce
              tasks: 16
              parents: [map]
              duration: {dist: exponential, mean: 3s, max: 30s}
      run:
        replications: 3
      """;

  /** Three replications; barrier's job fails in replications 1 and 2 (the second with a hostile reason). */
  private static Summary failing(String name) {
    List<Run> runs = new ArrayList<>();
    runs.add(run("barrier", 0, 70_000, 0.7, 1000, 0, List.of(ok("pipeline", 0, 70_000))));
    runs.add(run("barrier", 1, 20_000, 0.5, 9000, 0, List.of(failed("pipeline", 0, 20_000, REASON))));
    runs.add(run("barrier", 2, 25_000, 0.5, 9000, 0, List.of(failed("pipeline", 0, 25_000, "second"))));
    for (int r = 0; r < 3; r++) runs.add(run("non-barrier", r, 60_000, 0.6, 0, 0, List.of(ok("pipeline", 0, 60_000))));
    return summary(name, 3, BOTH, runs);
  }

  private static String render(Path dir, List<String> charts) throws IOException {
    return ReportPage.render(ScenarioFiles.open(dir), charts);
  }

  private static Document page(Path dir) throws IOException {
    return Jsoup.parse(render(dir, CHARTS));
  }

  @Test
  void hasEverySectionInOrder(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, failing("pipeline"), YAML, CHARTS.toArray(String[]::new)));
    List<String> ids = doc.select("main > section").eachAttr("id");
    assertEquals(List.of("headline", "simulated", "charts", "metrics", "failed-jobs", "files"), ids);
    for (String id : ids) assertNotNull(doc.selectFirst("#" + id + " > h2"), "a heading in " + id);
    assertEquals("pipeline \u2014 barriersim report", doc.title());
  }

  @Test
  void metricsTableHasOneRowPerAggregatedMetricWithTheDifferenceInHumanUnits(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, SummaryFixtures.summary("s", 20, BOTH, SummaryFixtures.noisyPairs(20, 5000, 500)),
        YAML));
    Element table = doc.selectFirst("#metrics table");
    assertEquals(SummaryFixtures.METRICS.size(), table.select("tbody > tr").size());
    assertEquals(List.of("Metric", "barrier", "non-barrier", "Difference"),
        table.select("thead th").stream().map(th -> th.ownText().isEmpty() ? th.text().split(" ")[0] : th.ownText()).toList());
    Element makespan = table.select("tbody > tr").get(0);
    assertEquals("Makespan", makespan.selectFirst("td").ownText());
    assertEquals("makespanMs", makespan.selectFirst("td .mono").text());
    // Barrier is 5 s slower, 0.5 s more or less: the difference reads in seconds, not in raw milliseconds.
    assertEquals("+5.0s", makespan.select("td").get(3).ownText());
    assertTrue(makespan.select("td").get(3).selectFirst(".ci").text().matches("\\[\\+4\\.\\ds, \\+5\\.\\ds\\]"),
        makespan.select("td").get(3).text());
    assertTrue(makespan.select("td").get(1).selectFirst(".ci").text().matches("\\[1m 4\\.\\ds, 1m 5\\.\\ds\\]"),
        makespan.select("td").get(1).text());
    Element util = table.select("tbody > tr").get(3);
    assertEquals("50.0%", util.select("td").get(1).ownText());
    assertEquals("+10.0 pp", util.select("td").get(3).ownText());
  }

  @Test
  void failedJobsTableListsModeReplicationJobAndSparksReasonVerbatim(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, failing("pipeline"), YAML));
    List<Element> rows = doc.select("#failed-jobs table tbody > tr");
    assertEquals(2, rows.size());
    assertEquals(List.of("Mode", "Replication", "Job", "Reason"), doc.select("#failed-jobs thead th").eachText());
    assertEquals(List.of("barrier", "1", "pipeline", REASON), rows.get(0).select("td").stream()
        .map(td -> td.selectFirst("pre") != null ? td.selectFirst("pre").wholeText() : td.text()).toList());
    assertEquals("2", rows.get(1).select("td").get(1).text());
  }

  @Test
  void withoutFailedJobsTheSectionSaysSo(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, summary("s", 2, BOTH, SummaryFixtures.cleanPairs(2, 0)), YAML));
    assertNull(doc.selectFirst("#failed-jobs table"));
    assertTrue(doc.selectFirst("#failed-jobs").text().contains("No job failed"));
  }

  @Test
  void headlineHidesTheMakespanWhenJobsFailedAndGivesTheFirstReason(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, failing("pipeline"), YAML));
    Element headline = doc.selectFirst("#headline");
    assertNotNull(headline.selectFirst(".card.warn"));
    List<String> rows = headline.select("table tbody tr > td:first-child").eachText();
    assertTrue(rows.get(0).startsWith("Completion time"), rows.toString());
    assertTrue(rows.stream().noneMatch(r -> r.startsWith("Makespan")), rows.toString());
    assertTrue(headline.text().contains("2 of 3 jobs failed"), headline.text());
    assertEquals(REASON, headline.selectFirst("pre.reason").wholeText());
    assertTrue(doc.selectFirst("#metrics tbody tr").text().contains("not a fair comparison"));
  }

  @Test
  void headlineShowsGpuUtilizationBesideCoreUtilization(@TempDir Path dir) throws IOException {
    ReportFixture.write(dir, summary("s", 2, BOTH, SummaryFixtures.cleanPairs(2, 0)), YAML);
    assertFalse(page(dir).selectFirst("#headline").text().contains("GPU"));
    ReportFixture.addGpu(dir, 0.75, 0.5);
    List<String> rows = page(dir).select("#headline tbody tr > td:first-child").eachText();
    int core = rows.indexOf("Core utilization");
    assertEquals("GPU utilization", rows.get(core + 1), rows.toString());
  }

  @Test
  void everyLinkAndImageIsRelativeAndResolvesToAFileOfTheFolder(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, failing("pipeline"), YAML, CHARTS.toArray(String[]::new)));
    List<String> checked = PageChecks.assertLinksResolve(doc, dir);
    for (String expected : List.of("summary.json", "scenario.yaml", "barrier/tasks.csv", "barrier/events.jsonl",
        "non-barrier/tasks.csv", "non-barrier/events.jsonl", "charts/gantt.svg", "charts/gantt.png",
        "charts/utilization.svg", "#headline")) {
      assertTrue(checked.contains(expected), expected + " in " + checked);
    }
  }

  @Test
  void onlyDataFilesThatExistAreLinked(@TempDir Path dir) throws IOException {
    ReportFixture.write(dir, failing("pipeline"), null);
    Files.delete(dir.resolve("non-barrier/events.jsonl"));
    Document doc = page(dir);
    List<String> links = doc.select("#files a").eachAttr("href");
    assertEquals(List.of("summary.json", "barrier/tasks.csv", "barrier/events.jsonl", "non-barrier/tasks.csv"), links);
  }

  @Test
  void hostileNamesReasonsAndYamlAreEscapedAndTheresNoScriptAtAll(@TempDir Path dir) throws IOException {
    String name = "x" + HOSTILE + "&amp;";
    ReportFixture.write(dir, failing(name), YAML, CHARTS.toArray(String[]::new));
    String html = render(dir, CHARTS);
    Document doc = Jsoup.parse(html);
    PageChecks.assertSelfContained(html, doc);
    assertEquals(name, doc.selectFirst("h1").text());
    assertTrue(doc.title().startsWith(name), doc.title());
    assertEquals(YAML, doc.selectFirst("#simulated details pre").wholeText(), "the YAML verbatim");
    assertEquals("gangs <b>and</b> failures", doc.selectFirst("#simulated .lead").text());
    assertFalse(html.contains(HOSTILE), "never unescaped");
  }

  @Test
  void theSameFolderGivesTheSameBytes(@TempDir Path dir) throws IOException {
    ReportFixture.write(dir, failing("pipeline"), YAML, CHARTS.toArray(String[]::new));
    assertEquals(render(dir, CHARTS), render(dir, CHARTS));
  }

  @Test
  void chartsAreSvgImagesLinkingThePngWithACaptionInTheOrderGiven(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, failing("pipeline"), YAML, CHARTS.toArray(String[]::new)));
    List<Element> figures = doc.select("#charts figure");
    assertEquals(2, figures.size(), "one figure per chart, SVG and PNG together");
    assertEquals("charts/gantt.svg", figures.get(0).selectFirst("img").attr("src"));
    assertEquals(List.of("charts/gantt.svg", "charts/gantt.png"), figures.get(0).select("figcaption a").eachAttr("href"));
    assertTrue(figures.get(0).selectFirst("figcaption").text().startsWith("Timeline. One lane per executor slot"));
    assertEquals("charts/utilization.svg", figures.get(1).selectFirst("img").attr("src"));
    assertFalse(figures.get(1).selectFirst("img").attr("alt").isEmpty());
    Document none = Jsoup.parse(render(dir, List.of()));
    assertTrue(none.selectFirst("#charts").text().contains("No charts"));
  }

  @Test
  void whatWasSimulatedShowsClusterSettingsJobsAndFailures(@TempDir Path dir) throws IOException {
    Element s = page(ReportFixture.write(dir, failing("pipeline"), YAML)).selectFirst("#simulated");
    assertEquals(List.of("8", "4", "gpu 1", "1", "32"), s.select("h3:contains(Cluster) + table tbody td").eachText());
    Element cpus = s.select("tr:has(code:containsOwn(spark.task.cpus))").first();
    assertEquals("2 changed", cpus.select("td").get(1).text());
    List<Element> stages = s.select("h3:contains(Jobs) + div table tbody tr");
    assertEquals(2, stages.size());
    assertEquals("barrier", stages.get(0).selectFirst(".tag").text());
    assertTrue(stages.get(0).text().contains("1. 10s barrier() 2. lognormal (median 30s, sigma 0.2)"), stages.get(0).text());
    assertTrue(stages.get(1).text().contains("exponential (mean 3s), max 30s"), stages.get(1).text());
    assertTrue(s.text().contains("Every task attempt fails with probability 0.02"), s.text());
    assertTrue(s.text().contains("Seed 7, 3 replications per mode"), "seed and replications of the run: " + s.text());
    assertTrue(s.text().contains("The scenario file says seed 23"), s.text());
  }

  @Test
  void withoutScenarioYamlThePageSaysSoAndListsStagesFromTheSummary(@TempDir Path dir) throws IOException {
    Document doc = page(ReportFixture.write(dir, failing("pipeline"), null));
    Element s = doc.selectFirst("#simulated");
    assertTrue(s.text().contains("no scenario.yaml"), s.text());
    assertNull(s.selectFirst("details"));
    assertEquals(1, s.select("table tbody tr").size());
    assertTrue(doc.select("a").eachAttr("href").stream().noneMatch(h -> h.equals("scenario.yaml")));
  }

  @Test
  void anOlderSummaryWithoutModesAndReplicationsStillRenders(@TempDir Path dir) throws IOException {
    ReportFixture.write(dir, failing("pipeline"), YAML);
    ReportFixture.removeFields(dir, "modes", "replications");
    Document doc = page(dir);
    assertEquals(2, doc.select("#failed-jobs tbody tr").size());
    assertTrue(doc.selectFirst("header .meta").text().contains("3 replications"), doc.selectFirst("header .meta").text());
    assertEquals(List.of("barrier", "non-barrier"), doc.select("header .legend .entry").eachText());
  }

  @Test
  void anUnreadableScenarioYamlListsItsProblemsAndStillShowsTheText(@TempDir Path dir) throws IOException {
    String bad = "name: pipeline\ncluster: {executors: []}\njobs: <oops>\n";
    Element s = page(ReportFixture.write(dir, failing("pipeline"), bad)).selectFirst("#simulated");
    assertTrue(s.select("ul.problems li").size() >= 1, s.text());
    assertTrue(s.selectFirst("ul.problems li").text().startsWith("scenario.yaml:"), s.text());
    assertEquals(bad, s.selectFirst("details pre").wholeText());
  }
}
