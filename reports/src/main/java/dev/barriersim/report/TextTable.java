package dev.barriersim.report;

import java.util.ArrayList;
import java.util.List;

/** A plain ASCII table: the first column left-aligned, the others right-aligned, {@code \n} line ends. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column titles. */
  public TextTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Adds one row; missing cells are blank. */
  public TextTable row(String... cells) {
    List<String> r = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) r.add(i < cells.length && cells[i] != null ? cells[i] : "");
    rows.add(r);
    return this;
  }

  /** The table as text. */
  public String render() {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    for (int i = 0; i < width.length; i++) {
      if (i > 0) sb.append("-+-");
      sb.append("-".repeat(width[i]));
    }
    sb.append('\n');
    for (List<String> r : rows) line(sb, r, width);
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      if (i > 0) l.append(" | ");
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(i == 0 ? c + pad : pad + c);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
