package dev.barriersim.report.html;

/**
 * The colours of the two arms, the same as the charts draw them (matplotlib's "tab10" blue and
 * orange, which stay apart for the common colour-vision deficiencies).
 */
public final class Palette {
  /** The barrier arm. */
  public static final String BARRIER = "#1f77b4";
  /** The non-barrier arm. */
  public static final String NON_BARRIER = "#ff7f0e";
  /** Anything else (an unknown mode). */
  public static final String OTHER = "#7f7f7f";

  private Palette() {}

  /** The colour of {@code mode}. */
  public static String of(String mode) {
    return switch (mode) {
      case "barrier" -> BARRIER;
      case "non-barrier" -> NON_BARRIER;
      default -> OTHER;
    };
  }
}
