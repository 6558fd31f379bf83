package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.barriersim.report.FakeEngine;
import dev.barriersim.report.Version;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Top-level usage: version, help and usage errors. */
class MainTest {
  @Test
  void version() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.code(), r.toString());
    assertEquals("barriersim 0.1.0\n", r.out());
    assertEquals("0.1.0", Version.get());
  }

  @Test
  void helpNamesTheCommandsAndTheScenarioDocs() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    for (String s : List.of("run", "batch", "validate", "docs/scenario-format.md", "Exit codes")) {
      assertTrue(r.out().contains(s), s + " missing from\n" + r.out());
    }
  }

  @Test
  void everyCommandHelpDescribesEveryOption() {
    Cli.Result run = Cli.run("run", "--help");
    assertEquals(0, run.code());
    for (String s : List.of("--out", "--seed", "--modes", "--replications", "--no-charts", "--parallelism",
        "SCENARIO.yaml", "docs/scenario-format.md", "Do not draw charts")) {
      assertTrue(run.out().contains(s), s + " missing from\n" + run.out());
    }
    Cli.Result batch = Cli.run("help", "batch");
    assertEquals(0, batch.code());
    for (String s : List.of("--out", "--parallelism", "DIR|FILE", "index.json", "docs/scenario-format.md")) {
      assertTrue(batch.out().contains(s), s + " missing from\n" + batch.out());
    }
    Cli.Result validate = Cli.run("validate", "--help");
    assertEquals(0, validate.code());
    assertTrue(validate.out().contains("FILE"));
  }

  @Test
  void noSubcommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("Missing required subcommand"), r.err());
  }

  @Test
  void usageErrorsExit2WithoutStackTrace() {
    List<String[]> bad = List.of(
        new String[] {"frobnicate"},
        new String[] {"run"},
        new String[] {"run", "a.yaml", "--bogus"},
        new String[] {"run", "a.yaml", "--modes", "barrier,sometimes"},
        new String[] {"run", "a.yaml", "--seed", "forty-two"},
        new String[] {"run", "a.yaml", "--replications", "many"},
        new String[] {"batch"},
        new String[] {"batch", "x", "--parallelism", "two"},
        new String[] {"validate"});
    for (String[] args : bad) {
      Cli.Result r = Cli.fake(FakeEngine.ok(), args);
      assertEquals(2, r.code(), String.join(" ", args) + "\n" + r);
      assertFalse(r.err().contains("\tat "), "no stack trace for " + String.join(" ", args) + "\n" + r.err());
    }
  }
}
