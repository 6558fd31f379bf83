package dev.barriersim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random edits of the catalog files never crash the loader: it either loads or reports problems. */
class MutationFuzzTest {
  private static final String[] SNIPPETS = {"", "0", "-1", "~", "x", "[", "]", "{", "}", ": ", "- ", "\n", "  ", "1.5", "20", "&a ", "*a",
      "true", "'", "\"", "#", "barrier", "tasks", "#3", "99999999999999999999"};

  @Test
  void editsNeverCrashTheLoader() throws Exception {
    List<Path> files = CatalogTest.catalog().toList();
    SplittableRandom rng = new SplittableRandom(42);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 3_000; i++) {
        String text = Files.readString(files.get(rng.nextInt(files.size())));
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits; e++) {
          int at = rng.nextInt(b.length());
          int len = Math.min(b.length() - at, rng.nextInt(6));
          b.replace(at, at + len, SNIPPETS[rng.nextInt(SNIPPETS.length)]);
        }
        try {
          ScenarioLoader.load("fuzz.yaml", b.toString());
        } catch (ScenarioException ex) {
          for (Problem p : ex.problems()) {
            assertFalse(p.message().startsWith("internal error") || p.fix().equals("correct the value as the message says"),
                () -> p + "\n--- input ---\n" + b);
          }
        }
      }
    });
  }
}
