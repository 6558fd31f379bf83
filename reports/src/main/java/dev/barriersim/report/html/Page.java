package dev.barriersim.report.html;

/**
 * The frame shared by the report and the index: doctype, {@code lang}, charset, title and the
 * inline stylesheet. Pages are self-contained: no script, no web font, nothing fetched.
 */
final class Page {
  private Page() {}

  /** Opens the document up to and including {@code <body>}. */
  static void open(StringBuilder sb, String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"barriersim\">\n")
        .append("<title>").append(Html.esc(title)).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
  }

  /** Closes the document. */
  static void close(StringBuilder sb) {
    sb.append("</body>\n</html>\n");
  }

  /** A small colour square and the mode's name. */
  static String mode(String mode) {
    return "<span class=\"sw\" style=\"background:" + Palette.of(mode) + "\"></span>" + Html.esc(mode);
  }

  /** The colour legend of the arms. */
  static String legend(Iterable<String> modes) {
    StringBuilder sb = new StringBuilder("<p class=\"legend\">");
    for (String m : modes) sb.append("<span class=\"entry\">").append(mode(m)).append("</span>");
    return sb.append("</p>\n").toString();
  }

  // System fonts only (nothing to download); tabular figures so numbers line up in columns.
  private static final String STYLE = """
      :root { --ink: #1d2731; --muted: #5f6b7a; --line: #dde3ea; --soft: #f5f7fa; --accent: #1f77b4;
        --warn: #b45309; --warn-bg: #fff8eb; --bad: #b91c1c; }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
          "Liberation Sans", sans-serif; }
      .wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px 48px; }
      .wrap.broad { max-width: 1480px; }
      header.top { border-bottom: 1px solid var(--line); background: var(--soft); }
      header.top .wrap { padding-top: 22px; padding-bottom: 16px; }
      .brand { margin: 0 0 4px; color: var(--muted); font-size: 13px; letter-spacing: .04em; text-transform: uppercase; }
      h1 { margin: 0 0 6px; font-size: 28px; line-height: 1.2; font-weight: 650; overflow-wrap: anywhere; }
      h2 { margin: 40px 0 12px; padding-bottom: 6px; font-size: 20px; font-weight: 650; border-bottom: 1px solid var(--line); }
      h3 { margin: 24px 0 8px; font-size: 16px; font-weight: 650; }
      p { margin: 8px 0; }
      .lead { margin: 4px 0 8px; font-size: 16px; color: #33414f; max-width: 70em; }
      .meta { margin: 6px 0 0; color: var(--muted); font-size: 14px; }
      .meta b { color: var(--ink); font-weight: 600; }
      nav.toc { margin-top: 12px; font-size: 14px; }
      nav.toc a { margin-right: 16px; }
      a { color: #17609a; text-decoration: none; }
      a:hover { text-decoration: underline; }
      code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono",
        "Liberation Mono", monospace; font-size: 13px; }
      .legend { margin: 10px 0 0; font-size: 14px; }
      .legend .entry { margin-right: 18px; white-space: nowrap; }
      .sw { display: inline-block; width: 11px; height: 11px; margin-right: 6px; border-radius: 2px;
        vertical-align: -1px; }
      .muted { color: var(--muted); }
      .small { font-size: 13px; }
      .card { margin: 16px 0; padding: 14px 18px; background: var(--soft); border: 1px solid var(--line);
        border-left: 4px solid var(--accent); border-radius: 4px; }
      .card.warn { background: var(--warn-bg); border-left-color: var(--warn); }
      .verdict { margin: 0; font-size: 15px; }
      table { border-collapse: collapse; margin: 8px 0 4px; font-size: 14px; }
      th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
      thead th { background: var(--soft); border-bottom: 2px solid #c9d2dc; font-weight: 600; white-space: nowrap; }
      tbody tr:hover td { background: #fafbfd; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.num .ci { display: block; color: var(--muted); font-size: 12px; }
      td.num .name { white-space: normal; }
      .name { display: block; color: var(--muted); font-size: 12px; font-weight: 400; overflow-wrap: anywhere; }
      th .name { white-space: nowrap; }
      .name.warn { color: var(--warn); }
      td.mode { white-space: nowrap; }
      table.metrics td:first-child { min-width: 17em; }
      .figure .verdict { margin-top: 10px; max-width: 60em; }
      .key { font-size: 30px; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .key-label { display: block; margin-top: 2px; font-size: 13px; font-weight: 400; color: var(--muted); }
      table.wide { width: 100%; }
      .scroll { overflow-x: auto; }
      .tag { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600;
        line-height: 18px; background: #e8eef5; color: #34495e; }
      .tag.barrier { background: #e3eef8; color: #17609a; }
      .tag.set { background: #e8f3ea; color: #256029; }
      .tag.ok { background: #e8f3ea; color: #256029; }
      .tag.invalid, .tag.error { background: #fde8e8; color: var(--bad); }
      .reason { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
      .failure { margin-top: 12px; }
      .failure .reason { padding: 8px 10px; background: #fff; border: 1px solid var(--line); border-radius: 4px; }
      figure { margin: 18px 0 30px; }
      figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px;
        background: #fff; }
      figcaption { margin-top: 8px; font-size: 14px; color: #33414f; max-width: 72em; }
      figcaption b { color: var(--ink); }
      .cols { display: flex; flex-wrap: wrap; gap: 8px 40px; }
      .cols > div { min-width: 280px; }
      details { margin: 16px 0; border: 1px solid var(--line); border-radius: 4px; }
      details > summary { padding: 8px 12px; cursor: pointer; background: var(--soft); font-weight: 600; }
      details pre { margin: 0; padding: 12px 14px; overflow-x: auto; background: #fbfcfd; }
      ul.files { padding-left: 20px; }
      ul.files li { margin: 3px 0; }
      ul.problems { margin: 4px 0; padding-left: 18px; }
      .bad { color: var(--bad); }
      table.index th, table.index td { padding-left: 9px; padding-right: 9px; }
      table.index td { padding-top: 10px; padding-bottom: 10px; }
      table.index td:first-child { min-width: 14em; max-width: 15em; }
      table.index td:nth-child(2) { min-width: 10em; max-width: 13em; }
      img.thumb { display: block; width: 180px; height: auto; margin-top: 8px; border: 1px solid var(--line); border-radius: 3px; }
      footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted);
        font-size: 13px; }
      """;
}
