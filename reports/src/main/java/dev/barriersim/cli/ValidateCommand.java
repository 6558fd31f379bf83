package dev.barriersim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code barriersim validate FILE...}: checks scenario files without running them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
        "Checks scenario files without running them: prints 'FILE: ok' on stdout for each valid one,"
            + " and every problem of the others on stderr as FILE:LINE:COLUMN: yaml.path: what is wrong;"
            + " how to fix it. Warnings ('yaml.path: warning: ...', such as a barrier stage that Spark's slot"
            + " check will fail) go to stderr too but keep the file valid. Exit code 2 if any file is invalid"
            + " or unreadable. A sweep's points are each checked too (a problem once, with the first point that has"
            + " it), and its size against run.maxRuns.",
        "A folder stands for its *.yaml files, sorted by file name.",
        "Scenario keys are documented in docs/scenario-format.md."})
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (or folders of *.yaml files).")
  private List<Path> files;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Overrides a key, as 'run --set' does (checked as if it stood in the file); repeatable.")
  private List<String> sets = new ArrayList<>();

  @Override
  public Integer call() {
    Console console = new Console(spec);
    try {
      int code = ExitCodes.OK;
      for (Inputs.Input in : Inputs.expand(files)) {
        Inputs.Loaded l = Inputs.load(main.loader(), in, sets);
        if (l.ok()) {
          console.out(in.display() + ": ok");
          l.problems().forEach(console::err); // warnings: the file is valid, so the exit code stays 0
        } else {
          l.problems().forEach(console::err);
          code = ExitCodes.USAGE;
        }
      }
      return code;
    } catch (RuntimeException e) {
      return console.internalError(e);
    }
  }
}
