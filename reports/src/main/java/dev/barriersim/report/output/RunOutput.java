package dev.barriersim.report.output;

import dev.barriersim.core.RunOutputs;
import dev.barriersim.core.SimulationSpec;
import java.io.Writer;

/** A file streamed while a run runs: {@code <mode>/<file>} of replication 0. */
public non-sealed interface RunOutput extends Output {
  /** The file name inside {@code <mode>/}. */
  String file();

  /** {@code outputs} with this output's listener or stream added, writing to {@code writer}. */
  RunOutputs attach(RunOutputs outputs, Writer writer);

  /** As {@link #attach(RunOutputs, Writer)}, for an output that needs the run's exact spec and its mode's id. */
  default RunOutputs attach(RunOutputs outputs, Writer writer, SimulationSpec spec, String mode) {
    return attach(outputs, writer);
  }
}
