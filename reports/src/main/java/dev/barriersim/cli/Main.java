package dev.barriersim.cli;

import dev.barriersim.report.Engine;
import dev.barriersim.report.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code barriersim} command: {@code run}, {@code batch}, {@code validate}, {@code help}. */
@Command(
    name = "barriersim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    subcommands = {RunCommand.class, BatchCommand.class, ValidateCommand.class, ReportCommand.class, BenchCommand.class,
        ImportCommand.class,
        CommandLine.HelpCommand.class},
    usageHelpAutoWidth = true,
    description = {
        "Deterministic discrete-event simulator of Apache Spark's barrier and non-barrier scheduling.",
        "Runs a YAML scenario twice by default, as written (mode 'barrier') and with every barrier flag"
            + " cleared (mode 'non-barrier'), with the same random draws, and compares them.",
        "",
        "Outputs of a scenario: summary.json, <mode>/tasks.csv, <mode>/events.jsonl, charts/, report.html.",
        "A scenario's sweep: section runs a grid of what-ifs, written to sweep.csv,",
        "sweep.json and charts/sweep-*.",
        "Scenario keys are documented in docs/scenario-format.md.",
        "Run 'barriersim help COMMAND' or 'barriersim COMMAND --help' for a command's options."},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  everything ran; a job failing inside the simulation is a result",
        "  1  internal error: one 'barriersim: internal error:' line and a stack trace",
        "  2  bad usage, or a missing, unreadable or invalid scenario; every problem",
        "     is printed on stderr as FILE:LINE:COLUMN: yaml.path: what; how to fix"})
public final class Main {
  private final ScenarioSource loader;
  private final Engine engine;

  /** The real tool: the YAML loader and the sim-core engine. */
  public Main() {
    this(ScenarioSource.yaml(), Engine.simulations());
  }

  /** A tool with another loader and engine (tests). */
  public Main(ScenarioSource loader, Engine engine) {
    this.loader = loader;
    this.engine = engine;
  }

  ScenarioSource loader() {
    return loader;
  }

  Engine engine() {
    return engine;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** {@code barriersim 0.1.0}, from {@link Version}. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"barriersim " + Version.get()};
    }
  }
}
