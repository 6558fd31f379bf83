package dev.barriersim.report.sweep;

import dev.barriersim.scenario.Sweep;
import java.util.ArrayList;
import java.util.List;

/** The folder of a kept sweep point, named by its values: {@code points/count=4,tasks=8}. */
public final class PointNames {
  /** The folder holding the kept points, inside the sweep's folder. */
  public static final String POINTS = "points";

  private PointNames() {}

  /**
   * {@code label=value} per parameter, joined by commas, with every character other than letters,
   * digits, {@code . _ = -} turned into {@code _}; when that changed a value, {@code -p<index>}
   * follows so that two points never share a folder.
   */
  public static String of(Sweep sweep, Sweep.Point p) {
    List<String> parts = new ArrayList<>();
    boolean lossy = false;
    for (int i = 0; i < sweep.parameters().size(); i++) {
      String v = p.values().get(i);
      String safe = safe(v);
      lossy |= !safe.equals(v);
      parts.add(safe(sweep.parameters().get(i).label()) + "=" + safe);
    }
    String name = String.join(",", parts);
    return lossy ? name + "-p" + p.index() : name;
  }

  private static String safe(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-' ? c : '_');
    }
    String out = sb.toString();
    return out.startsWith(".") ? "_" + out.substring(1) : out;
  }
}
