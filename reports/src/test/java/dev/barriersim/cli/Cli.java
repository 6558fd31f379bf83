package dev.barriersim.cli;

import dev.barriersim.report.Engine;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr. */
final class Cli {
  private Cli() {}

  /** What one invocation did. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** The real tool. */
  static Result run(String... args) {
    return run(new Main(), args);
  }

  /** The tool with the fake loader and {@code engine}. */
  static Result fake(Engine engine, String... args) {
    return run(new Main(new FakeScenarios(), engine), args);
  }

  static Result run(Main main, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(main);
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
