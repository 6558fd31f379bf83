package dev.barriersim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Reports a bug: one {@code barriersim: internal error:} line saying where the stack trace was
   * written (a file in the temporary folder), so users can attach it to a bug report; returns exit
   * code 1.
   */
  int internalError(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    String where;
    try {
      Path file = Files.createTempFile("barriersim-internal-error-", ".txt");
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
      where = "; the stack trace is in " + file + ", please attach it to a bug report";
    } catch (IOException | RuntimeException e) {
      where = "; the stack trace could not be written (" + e + ")";
    }
    err("barriersim: internal error: " + t + where);
    return ExitCodes.INTERNAL;
  }
}
