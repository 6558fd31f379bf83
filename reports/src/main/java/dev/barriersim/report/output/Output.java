package dev.barriersim.report.output;

/**
 * One output of a scenario's folder. Three kinds, by what they need: a {@link RunOutput} listens
 * to a run while it runs, a {@link ResultOutput} writes from the finished runs (a {@link SweepOutput}
 * from a finished sweep), and a
 * {@link RenderedOutput} renders from the files already in the folder (so {@code report DIR} can
 * render it again without simulating).
 */
public sealed interface Output permits RunOutput, ResultOutput, RenderedOutput, SweepOutput {
  /** A short name for help texts and docs. */
  String name();

  /** True for charts, which {@code --no-charts} leaves out. */
  default boolean isChart() {
    return false;
  }

  /** True for an output written only when asked for ({@code --spark-event-log}). */
  default boolean onRequest() {
    return false;
  }
}
