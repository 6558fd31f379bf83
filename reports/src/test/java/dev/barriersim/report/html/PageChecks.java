package dev.barriersim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks every page must pass: self-contained, and every link and image resolving inside its folder. */
final class PageChecks {
  private PageChecks() {}

  /** Every {@code href} and {@code src}: relative, and an existing file under {@code base} or an id of the page. */
  static List<String> assertLinksResolve(Document doc, Path base) {
    List<String> checked = new ArrayList<>();
    for (Element e : doc.select("[href], [src]")) {
      for (String attr : List.of("href", "src")) {
        if (!e.hasAttr(attr)) continue;
        String v = e.attr(attr);
        assertFalse(v.isEmpty(), "empty " + attr + " on " + e);
        assertFalse(v.matches("(?s)^[a-zA-Z][a-zA-Z0-9+.-]*:.*"), "a scheme (absolute URL): " + v);
        assertFalse(v.startsWith("/") || v.startsWith("\\"), "an absolute path: " + v);
        if (v.startsWith("#")) {
          assertNotNull(doc.getElementById(v.substring(1)), "no element with id " + v);
        } else {
          String path = URLDecoder.decode(v.replaceAll("[#?].*$", ""), StandardCharsets.UTF_8);
          Path target = base.resolve(path).normalize();
          assertTrue(target.startsWith(base.normalize()), "leaves the folder: " + v);
          assertTrue(Files.isRegularFile(target), "missing file for " + attr + "=" + v);
        }
        checked.add(v);
      }
    }
    return checked;
  }

  /** No script, no event handler, nothing fetched from elsewhere, and the basics of a document. */
  static void assertSelfContained(String html, Document doc) {
    assertTrue(doc.select("script, iframe, object, embed, link, base, form").isEmpty(),
        "no script or external embedding: " + doc.select("script, iframe, object, embed, link, base, form"));
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertFalse(a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), "event handler " + a + " on " + e.tagName());
      }
    }
    String lower = html.toLowerCase(java.util.Locale.ROOT);
    assertFalse(lower.contains("http://") || lower.contains("https://"), "an http(s) URL in the page");
    assertFalse(lower.contains("@import") || lower.contains("url(") || lower.contains("@font-face"), "CSS fetches");
    assertEquals("en", doc.selectFirst("html").attr("lang"));
    assertNotNull(doc.selectFirst("meta[charset=utf-8]"), "declares UTF-8");
    assertFalse(doc.title().isBlank(), "a title");
    assertTrue(html.startsWith("<!DOCTYPE html>\n"), "standards mode");
  }
}
