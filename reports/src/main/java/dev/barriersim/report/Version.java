package dev.barriersim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's version, read from the one place the build writes it ({@code version.properties}). */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version, e.g. {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    // Filtered by Maven from ${project.version}, so the pom stays the single source of truth.
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) throw new IllegalStateException("version.properties is missing from the build");
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      if (v == null || v.isBlank() || v.startsWith("${")) {
        throw new IllegalStateException("version.properties was not filtered by the build: " + v);
      }
      return v.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
