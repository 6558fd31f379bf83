package dev.barriersim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The command's stdout and stderr (picocli's, so tests can capture them), always with {@code \n} line ends. */
final class Console {
  private final PrintWriter out;
  private final PrintWriter err;

  Console(CommandSpec spec) {
    this.out = spec.commandLine().getOut();
    this.err = spec.commandLine().getErr();
  }

  /** One line (or several, already joined) on stdout. */
  void out(String text) {
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
  }

  /** One line on stderr. */
  void err(String text) {
    err.print(text.endsWith("\n") ? text : text + "\n");
    err.flush();
  }

  /** Reports a bug: one {@code barriersim: internal error:} line, then the stack trace; returns exit code 1. */
  int internalError(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    err("barriersim: internal error: " + t);
    err(trace.toString().replace(System.lineSeparator(), "\n"));
    return ExitCodes.INTERNAL;
  }
}
