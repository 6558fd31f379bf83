package dev.barriersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.report.FakeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path tmp;

  @Test
  void okOnStdoutProblemsOnStderr() throws Exception {
    Path good = tmp.resolve("good.yaml");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(good, "name: good\n");
    Files.writeString(bad, "name: bad\nproblem: unknown key 'nmae'\n");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "validate", good.toString(), bad.toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(good + ": ok\n", r.out());
    assertEquals(bad + ":2:3: jobs[0].stages[0]: unknown key 'nmae'; fix it\n", r.err());
  }

  @Test
  void allValidExits0() throws Exception {
    Path good = tmp.resolve("good.yaml");
    Files.writeString(good, "name: good\n");
    Cli.Result r = Cli.fake(FakeEngine.ok(), "validate", good.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals(good + ": ok\n", r.out());
  }

  @Test
  void missingFileExits2() {
    Cli.Result r = Cli.fake(FakeEngine.ok(), "validate", tmp.resolve("x.yaml").toString());
    assertEquals(2, r.code(), r.toString());
    assertEquals(tmp.resolve("x.yaml") + ": no such file or directory\n", r.err());
  }
}
