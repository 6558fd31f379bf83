package dev.barriersim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain ASCII table, {@code \n} line ends: the first {@code textColumns} columns left-aligned
 * (names and words), the others right-aligned (numbers).
 */
public final class TextTable {
  private final List<String> header;
  private final int textColumns;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column titles; the first is text, the others numbers. */
  public TextTable(List<String> header) {
    this(header, 1);
  }

  /** A table whose first {@code textColumns} columns are left-aligned text. */
  public TextTable(List<String> header, int textColumns) {
    this.header = List.copyOf(header);
    this.textColumns = textColumns;
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

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      if (i > 0) l.append(" | ");
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(i < textColumns ? c + pad : pad + c);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
