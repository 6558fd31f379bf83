package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level {@code recorded} key: a tasks.csv next to the scenario, checked when the scenario is read from a file. */
class RecordedKeyTest {
  @TempDir Path dir;

  private static final String HEADER = "job,stage,stageAttempt,partition,attempt,executor,host,launchMs,endMs,status,"
      + "reason,taskId,slot,resources,barrierWaits\n";

  private Path scenario(String recorded) throws Exception {
    Path yaml = dir.resolve("app.yaml");
    Files.writeString(yaml, Yaml.MINIMAL.replace("name: tiny\n", "name: tiny\nrecorded: " + recorded + "\n"),
        StandardCharsets.UTF_8);
    return yaml;
  }

  private static List<String> problems(Path yaml) {
    return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(yaml)).problems().stream()
        .map(Problem::toString).toList();
  }

  @Test
  void aRecordedFileBesideTheScenarioResolvesAgainstItsFolder() throws Exception {
    Files.createDirectories(dir.resolve("runs"));
    Files.writeString(dir.resolve("runs/app.recorded.csv"), HEADER + "j,s,0,0,0,0,h,0,10,SUCCESS,,0,0,,\n");
    Scenario s = ScenarioLoader.load(scenario("runs/app.recorded.csv"));
    assertEquals(dir.resolve("runs/app.recorded.csv").toAbsolutePath(), s.recorded());
  }

  @Test
  void withoutTheKeyThereIsNoRecordedRun() throws Exception {
    assertNull(Yaml.load(Yaml.MINIMAL).recorded());
  }

  @Test
  void aMissingFileIsAProblemAtTheKey() throws Exception {
    Path yaml = scenario("gone.csv");
    assertEquals(List.of(yaml + ":2:11: recorded: gone.csv: no such file; give the recorded tasks.csv written by"
        + " 'barriersim import --out FILE.yaml' (FILE.recorded.csv), relative to the scenario file, or remove the key"),
        problems(yaml));
  }

  @Test
  void aFileWithoutTheTasksHeaderIsAProblem() throws Exception {
    Files.writeString(dir.resolve("other.csv"), "a,b,c\n1,2,3\n");
    List<String> p = problems(scenario("other.csv"));
    assertEquals(1, p.size());
    assertEquals(true, p.get(0).contains("other.csv: not a tasks.csv: its first line lacks the column(s) job, stage,"
        + " stageAttempt, partition, attempt, executor, launchMs, endMs, status (it starts 'a,b,c')"), p.get(0));
  }

  @Test
  void anAbsolutePathOrAnotherKindOfFileIsRefusedByName() throws Exception {
    assertEquals(1, Yaml.problems(Yaml.MINIMAL.replace("name: tiny\n", "name: tiny\nrecorded: /etc/passwd\n")).size());
    assertEquals(1, Yaml.problems(Yaml.MINIMAL.replace("name: tiny\n", "name: tiny\nrecorded: app.yaml\n")).size());
    assertEquals(1, Yaml.problems(Yaml.MINIMAL.replace("name: tiny\n", "name: tiny\nrecorded: [a.csv]\n")).size());
  }

  @Test
  void fromTextOnlyTheNameIsChecked() throws Exception {
    assertEquals(Path.of("app.recorded.csv"),
        Yaml.load(Yaml.MINIMAL.replace("name: tiny\n", "name: tiny\nrecorded: app.recorded.csv\n")).recorded());
  }
}
