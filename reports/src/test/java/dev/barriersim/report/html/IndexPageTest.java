package dev.barriersim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.Headline;
import dev.barriersim.report.SummaryFixtures;
import dev.barriersim.report.SummaryJson.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexPageTest {
  private static final List<String> BOTH = List.of("barrier", "non-barrier");

  private static Headline headline(List<Run> runs, int reps) {
    return Headline.of(SummaryFixtures.summary("s", reps, BOTH, runs));
  }

  private static void folder(Path batch, String folder, String... files) throws IOException {
    Files.createDirectories(batch.resolve(folder).resolve("charts"));
    Files.writeString(batch.resolve(folder).resolve("report.html"), "<!DOCTYPE html>");
    for (String f : files) Files.writeString(batch.resolve(folder).resolve(f), "png");
  }

  @Test
  void oneRowPerScenarioLinkingItsReportWithHeadlineNumbersAndThumbnail(@TempDir Path batch) throws IOException {
    folder(batch, "alpha", "charts/gantt.png");
    folder(batch, "beta");
    List<IndexPage.Entry> entries = List.of(
        IndexPage.Entry.ok(batch, "alpha", "cat/alpha.yaml", "alpha", headline(SummaryFixtures.noisyPairs(20, 7300, 500), 20)),
        IndexPage.Entry.ok(batch, "beta", "cat/beta.yaml", "beta", headline(List.of(
            SummaryFixtures.run("barrier", 0, 2000, 0.1, 0, 0, List.of(SummaryFixtures.failed("t", 0, 2000, "boom"))),
            SummaryFixtures.run("non-barrier", 0, 45_000, 0.9, 0, 0, List.of(SummaryFixtures.ok("t", 0, 45_000)))), 1)),
        IndexPage.Entry.invalid("gamma", "cat/gamma.yaml", List.of("cat/gamma.yaml:1:1: (document): empty; write one")));
    String html = IndexPage.render(entries);
    Document doc = Jsoup.parse(html);
    PageChecks.assertSelfContained(html, doc);
    PageChecks.assertLinksResolve(doc, batch);

    List<Element> rows = doc.select("table.index tbody > tr");
    assertEquals(3, rows.size());
    assertEquals("alpha/report.html", rows.get(0).selectFirst("a").attr("href"));
    assertEquals("alpha/charts/gantt.png", rows.get(0).selectFirst("td").selectFirst("img.thumb").attr("src"),
        "the thumbnail sits under the scenario's name, in view however wide the numbers are");
    assertEquals(7, doc.select("table.index thead th").size());
    assertEquals(7, rows.get(0).select("td").size());
    assertEquals("+7.3s", rows.get(0).select("td").get(4).ownText(), "the paired difference");
    assertTrue(rows.get(0).select("td").get(4).text().contains("["), "with its interval");
    assertTrue(rows.get(0).select("td").get(1).text().startsWith("makespan"));
    assertTrue(rows.get(0).select("td").get(6).text().contains("0 of 20"));
    assertTrue(rows.get(1).select("td").get(1).text().startsWith("not comparable"), rows.get(1).text());
    assertTrue(rows.get(1).select("img").isEmpty(), "no thumbnail when no chart exists");
    assertTrue(rows.get(2).text().contains("invalid"));
    assertEquals(1, rows.get(2).select("ul.problems li").size());
  }

  @Test
  void utilizationCellSaysHowMuchOfTheBarrierArmsCoreTimeWasSpentInsideBarrier(@TempDir Path batch) throws IOException {
    folder(batch, "gang");
    folder(batch, "plain");
    List<Run> synced = SummaryFixtures.cleanPairs(2, 1000).stream()
        .map(r -> r.mode().equals("barrier") ? SummaryFixtures.withSyncWait(r, 220) : r).toList();
    String html = IndexPage.render(List.of(
        IndexPage.Entry.ok(batch, "gang", "cat/gang.yaml", "gang", headline(synced, 2)),
        IndexPage.Entry.ok(batch, "plain", "cat/plain.yaml", "plain", headline(SummaryFixtures.cleanPairs(2, 1000), 2))));
    List<Element> rows = Jsoup.parse(html).select("table.index tbody > tr");
    Element gang = rows.get(0).select("td").get(5);
    assertEquals("50.0% / 40.0%", gang.ownText());
    assertEquals("barrier: 20.0% of core time inside barrier()", gang.selectFirst("span.name").text());
    Element plain = rows.get(1).select("td").get(5);
    assertEquals("50.0% / 40.0%", plain.ownText());
    assertTrue(plain.select("span.name").isEmpty(), plain.outerHtml());
  }

  @Test
  void hostileNamesAndProblemsAreEscaped(@TempDir Path batch) throws IOException {
    String hostile = "<script>alert(1)</script>";
    String folder = "javascript:alert(1)";
    folder(batch, folder);
    String html = IndexPage.render(List.of(
        IndexPage.Entry.ok(batch, hostile, hostile + ".yaml", folder, headline(SummaryFixtures.cleanPairs(1, 0), 1)),
        IndexPage.Entry.invalid(hostile, null, List.of(hostile)),
        IndexPage.Entry.error("e", "e.yaml", hostile)));
    Document doc = Jsoup.parse(html);
    PageChecks.assertSelfContained(html, doc);
    assertFalse(html.contains(hostile));
    assertEquals(hostile, doc.selectFirst("table.index tbody a b").text());
    assertEquals("javascript%3Aalert%281%29/report.html", doc.selectFirst("table.index tbody a").attr("href"));
    assertEquals(List.of(hostile, hostile), doc.select("ul.problems li").eachText());
  }

  @Test
  void thumbnailIsTheGanttPngElseTheComparisonPngElseNone(@TempDir Path batch) throws IOException {
    folder(batch, "a", "charts/gantt.png", "charts/comparison.png");
    folder(batch, "b", "charts/comparison.png");
    folder(batch, "c", "charts/gantt.svg");
    assertEquals(Optional.of("a/charts/gantt.png"), IndexPage.thumbnail(batch, "a"));
    assertEquals(Optional.of("b/charts/comparison.png"), IndexPage.thumbnail(batch, "b"));
    assertEquals(Optional.empty(), IndexPage.thumbnail(batch, "c"));
  }
}
