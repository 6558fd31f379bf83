package dev.barriersim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  @TempDir Path tmp;

  @Test
  void aWriterThatThrowsLeavesNothing() throws IOException {
    Path target = tmp.resolve("scenario");
    assertThrows(IOException.class, () -> {
      try (OutputFolder f = OutputFolder.begin(target)) {
        try (Writer w = f.newWriter("barrier/events.jsonl")) {
          w.write("{\"t\":0}\n");
          throw new IOException("disk full");
        }
      }
    });
    assertEquals("", Trees.listing(tmp), "no partial or final folder may remain");
  }

  @Test
  void commitReplacesThePreviousOutputAsAWhole() throws IOException {
    Path target = tmp.resolve("scenario");
    Files.createDirectories(target.resolve("old-mode"));
    Files.writeString(target.resolve(OutputFolder.MARKER), "{}\n");
    Files.writeString(target.resolve("old-mode/tasks.csv"), "stale\n");
    try (OutputFolder f = OutputFolder.begin(target)) {
      f.writeString("barrier/tasks.csv", "a\n");
      f.writeString(OutputFolder.MARKER, "{\"new\": true}\n");
      assertTrue(Files.exists(target.resolve("old-mode/tasks.csv")), "the old folder stays until commit");
      f.commit();
    }
    assertEquals("barrier\nbarrier/tasks.csv\nsummary.json", Trees.listing(target));
    assertEquals("scenario", String.join(",", Trees.listing(tmp).lines().filter(l -> !l.contains("/")).toList()),
        "no temporary sibling is left");
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAnOutput() throws IOException {
    Path target = tmp.resolve("home");
    Files.createDirectories(target);
    Files.writeString(target.resolve("thesis.tex"), "precious");
    assertThrows(OutputConflictException.class, () -> OutputFolder.begin(target));
    assertEquals("precious", Files.readString(target.resolve("thesis.tex")));
    assertEquals("home\nhome/thesis.tex", Trees.listing(tmp));
  }

  @Test
  void refusesAFile() throws IOException {
    Path target = tmp.resolve("file");
    Files.writeString(target, "x");
    assertThrows(OutputConflictException.class, () -> OutputFolder.begin(target));
  }

  @Test
  void anEmptyFolderMayBeReplaced() throws IOException {
    Path target = tmp.resolve("empty");
    Files.createDirectories(target);
    try (OutputFolder f = OutputFolder.begin(target)) {
      f.writeString(OutputFolder.MARKER, "{}\n");
      f.commit();
    }
    assertEquals("{}\n", Files.readString(target.resolve(OutputFolder.MARKER)));
  }

  @Test
  void singleFilesAreWrittenAtomically() throws IOException {
    Path file = tmp.resolve("out/index.json");
    OutputFolder.writeFileAtomically(file, "one\n");
    OutputFolder.writeFileAtomically(file, "two\n");
    assertEquals("two\n", Files.readString(file));
    assertEquals("index.json", Trees.listing(tmp.resolve("out")));
    assertFalse(Files.exists(tmp.resolve("out/.index.json.partial")));
  }
}
