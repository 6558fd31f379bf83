package dev.barriersim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File trees as sorted (relative path to content) maps, for byte-for-byte comparisons. */
public final class Trees {
  private Trees() {}

  /** Every regular file under {@code root}, relative path to its bytes as ISO-8859-1 text (lossless). */
  public static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  /** Every entry (files and folders) under {@code root}, relative, sorted. */
  public static String listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return String.join("\n", s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList());
    }
  }
}
