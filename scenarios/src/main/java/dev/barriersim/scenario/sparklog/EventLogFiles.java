package dev.barriersim.scenario.sparklog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one event log, in order: a single file ({@code app-...}, {@code local-...}, with a
 * codec suffix such as {@code .zstd} and {@code .inprogress} while running), or a rolling log's
 * folder {@code eventlog_v2_<appId>} (Spark 4's default), whose {@code events_<n>_<appId>[.codec]}
 * files are read by increasing n.
 */
final class EventLogFiles {
  private static final Pattern EVENTS = Pattern.compile("events_(\\d{1,18})_.*");

  private EventLogFiles() {}

  /** The files to read, in order; a missing path or an empty folder is an {@link EventLogException}. */
  static List<Path> of(Path log) throws EventLogException {
    String name = log.toString();
    if (Files.isRegularFile(log)) return List.of(log);
    if (!Files.isDirectory(log)) {
      throw new EventLogException(name, 0, "no such file or folder", "give the path of a Spark event log file or of a"
          + " rolling log's eventlog_v2_* folder");
    }
    TreeMap<Long, Path> parts = new TreeMap<>();
    try (Stream<Path> files = Files.list(log)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Matcher m = EVENTS.matcher(p.getFileName().toString());
        if (m.matches() && Files.isRegularFile(p)) parts.put(Long.parseLong(m.group(1)), p);
      }
    } catch (IOException e) {
      throw new EventLogException(name, 0, "cannot list the folder (" + e.getClass().getSimpleName() + ")",
          "check its permissions");
    }
    if (parts.isEmpty()) {
      throw new EventLogException(name, 0, "a folder without events_<n>_<appId> files", "give a Spark event log file, or"
          + " a rolling log's eventlog_v2_<appId> folder");
    }
    return new ArrayList<>(parts.values());
  }

  /** How messages name a file: its last two path elements for a rolling log's part, else its name. */
  static String display(Path p) {
    Path name = p.getFileName();
    if (name == null) return p.toString();
    Path parent = p.getParent() == null ? null : p.getParent().getFileName();
    if (parent != null && parent.toString().startsWith("eventlog_v2_")) return parent + "/" + name;
    return name.toString();
  }
}
