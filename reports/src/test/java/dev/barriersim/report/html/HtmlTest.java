package dev.barriersim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTextAndAttributeSpecials() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;", Html.esc("<a href=\"x\" title='y'>&amp;"));
    assertEquals("", Html.esc(null));
  }

  @Test
  void percentEncodesEachSegmentSoNothingBecomesASchemeOrLeavesTheAttribute() {
    assertEquals("charts/gantt.svg", Html.path("charts/gantt.svg"));
    assertEquals("javascript%3Aalert%281%29/report.html", Html.path("javascript:alert(1)/report.html"));
    assertEquals("a%20b/%22%3E%3Cx/caf%C3%A9", Html.path("a b/\"><x/café"));
  }
}
