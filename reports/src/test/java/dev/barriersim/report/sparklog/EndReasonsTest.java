package dev.barriersim.report.sparklog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.TaskStatus;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** An {@code ExecutorLostFailure} keeps Spark's {@code exitCausedByApp} in the exported event log. */
class EndReasonsTest {

  private static String written(String reason) throws Exception {
    SimEvent.TaskEnded t = new SimEvent.TaskEnded(500, "j", "s", 0, 0, 0, 0, "1", "host-1", 0, TaskStatus.FAILED, reason,
        null, SimEvent.TaskEnded.NO_WAITS);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      EndReasons.write(g, t);
      g.writeEndObject();
    }
    return out.toString();
  }

  @Test
  void executorLostFailure_saysWhetherTheAppCausedTheExit() throws Exception {
    assertEquals("{\"Reason\":\"ExecutorLostFailure\",\"Executor ID\":\"1\",\"Exit Caused By App\":true,"
        + "\"Loss Reason\":\"Executor lost (failures.tasks[0])\"}",
        written("ExecutorLostFailure (executor 1 exited caused by one of the running tasks) Reason: Executor lost (failures.tasks[0])"));
    assertEquals("{\"Reason\":\"ExecutorLostFailure\",\"Executor ID\":\"1\",\"Exit Caused By App\":false,"
        + "\"Loss Reason\":\"Executor lost (failures.executors[0])\"}",
        written("ExecutorLostFailure (executor 1 exited unrelated to the running tasks) Reason: Executor lost (failures.executors[0])"));
  }
}
