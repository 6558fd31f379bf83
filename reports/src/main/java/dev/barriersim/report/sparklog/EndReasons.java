package dev.barriersim.report.sparklog;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.barriersim.core.event.SimEvent;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task end as Spark's {@code Task End Reason}: Success, TaskKilled with the kill reason, and for
 * failures ExecutorLostFailure, FetchFailed, or ExceptionFailure (the exception's class and
 * message, read from the simulator's reason text, which words them as Spark does).
 */
final class EndReasons {
  private static final Pattern KILLED = Pattern.compile("TaskKilled \\((.*)\\)", Pattern.DOTALL);
  private static final Pattern LOST = Pattern.compile("ExecutorLostFailure \\(executor (\\S+) exited (.*?)\\) Reason: (.*)",
      Pattern.DOTALL);
  private static final Pattern FETCH = Pattern.compile("FetchFailed\\(.*shuffleId=(\\d+).*reduceId=(\\d+).*", Pattern.DOTALL);
  private static final Pattern EXCEPTION = Pattern.compile("([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+): (.*)",
      Pattern.DOTALL);

  private EndReasons() {}

  /** Writes the fields of the end reason object of {@code t}. */
  static void write(JsonGenerator g, SimEvent.TaskEnded t) throws IOException {
    String reason = t.reason() == null ? "" : t.reason();
    switch (t.status()) {
      case SUCCESS -> g.writeStringField("Reason", "Success");
      case KILLED -> {
        Matcher m = KILLED.matcher(reason);
        g.writeStringField("Reason", "TaskKilled");
        g.writeStringField("Kill Reason", m.matches() ? m.group(1) : reason);
        g.writeArrayFieldStart("Accumulator Updates");
        g.writeEndArray();
      }
      default -> failure(g, t, reason);
    }
  }

  private static void failure(JsonGenerator g, SimEvent.TaskEnded t, String reason) throws IOException {
    Matcher lost = LOST.matcher(reason);
    Matcher fetch = FETCH.matcher(reason);
    if (lost.matches()) {
      g.writeStringField("Reason", "ExecutorLostFailure");
      g.writeStringField("Executor ID", lost.group(1));
      g.writeBooleanField("Exit Caused By App", lost.group(2).equals("caused by one of the running tasks"));
      g.writeStringField("Loss Reason", lost.group(3));
    } else if (fetch.matches()) {
      g.writeStringField("Reason", "FetchFailed");
      g.writeNullField("Block Manager Address");
      g.writeNumberField("Shuffle ID", Integer.parseInt(fetch.group(1)));
      g.writeNumberField("Map ID", -1);
      g.writeNumberField("Map Index", -1);
      g.writeNumberField("Reduce ID", Integer.parseInt(fetch.group(2)));
      g.writeStringField("Message", reason);
    } else {
      Matcher ex = EXCEPTION.matcher(reason);
      g.writeStringField("Reason", "ExceptionFailure");
      g.writeStringField("Class Name", ex.matches() ? ex.group(1) : "java.lang.Exception");
      g.writeStringField("Description", ex.matches() ? ex.group(2) : reason);
      g.writeArrayFieldStart("Stack Trace");
      g.writeEndArray();
      g.writeStringField("Full Stack Trace", reason);
      g.writeArrayFieldStart("Accumulator Updates");
      g.writeEndArray();
    }
  }
}
