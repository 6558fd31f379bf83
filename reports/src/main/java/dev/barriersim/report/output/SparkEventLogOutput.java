package dev.barriersim.report.output;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.report.sparklog.SparkEventLogWriter;
import java.io.Writer;

/**
 * {@code <mode>/spark-eventlog.json}: the run as a Spark 3.5 event log, for the Spark history
 * server or {@code barriersim import}. Written only on request ({@code --spark-event-log}).
 */
final class SparkEventLogOutput implements RunOutput {
  /** The file name inside {@code <mode>/}. */
  static final String FILE = "spark-eventlog.json";

  @Override
  public String name() {
    return "spark-eventlog";
  }

  @Override
  public String file() {
    return FILE;
  }

  @Override
  public boolean onRequest() {
    return true;
  }

  @Override
  public RunOutputs attach(RunOutputs outputs, Writer writer) {
    throw new IllegalStateException("the Spark event log needs the run's spec and mode");
  }

  @Override
  public RunOutputs attach(RunOutputs outputs, Writer writer, SimulationSpec spec, String mode) {
    return outputs.withListener(new SparkEventLogWriter(writer, spec, mode));
  }
}
