package dev.barriersim.scenario.sparklog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recorded timeline of a fixture from the files Spark's own listener wrote beside the log
 * ({@code tasks.csv}, {@code events.csv}): independent of the importer's reading of the log.
 */
final class RecordedTimelines {
  private RecordedTimelines() {}

  static Timeline read(Path fixture) throws IOException {
    List<Timeline.Task> tasks = new ArrayList<>();
    List<String> lines = Files.readAllLines(fixture.resolve("tasks.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", 18); // the columns used come before the (quoted) reason
      tasks.add(new Timeline.Task(Integer.parseInt(f[3]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
          Integer.parseInt(f[7]), Integer.parseInt(f[9]), Long.parseLong(f[13]), Long.parseLong(f[14]), f[16]));
    }
    Map<Integer, Long> start = new TreeMap<>();
    Map<Integer, Long> end = new TreeMap<>();
    List<String> events = Files.readAllLines(fixture.resolve("events.csv"));
    for (String line : events.subList(1, events.size())) {
      String[] f = line.split(",", 14);
      if (f[4].equals("job_start")) start.put(Integer.parseInt(f[6]), Long.parseLong(f[2]));
      if (f[4].equals("job_end")) end.put(Integer.parseInt(f[6]), Long.parseLong(f[2]));
    }
    Map<Integer, Timeline.Job> jobs = new TreeMap<>();
    start.forEach((id, t) -> jobs.put(id, new Timeline.Job(id, t, end.getOrDefault(id, -1L))));
    return new Timeline(jobs, tasks);
  }
}
