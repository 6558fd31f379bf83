package dev.barriersim.core.properties.checks;

import dev.barriersim.core.RunResult;
import dev.barriersim.core.SimulationSpec;
import dev.barriersim.core.event.SimEvent;
import dev.barriersim.core.event.SimEvent.StageCompleted;
import dev.barriersim.core.event.SimEvent.StageSubmitted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stage whose latest attempt FAILED is resubmitted only by Spark's {@code ResubmitFailedStages},
 * posted {@code RESUBMIT_TIMEOUT} = 200 ms after a failure: Spark's {@code submitStage} skips
 * stages in {@code failedStages}, so nothing else (a parent of a child being submitted, say) can
 * bring it back earlier. So the next attempt comes no earlier than failure + 200 ms, or exactly
 * 200 ms after an earlier stage failure of the run whose timer it shares.
 */
public final class ResubmitDelayCheck implements PropertyCheck {
  static final long RESUBMIT_TIMEOUT_MS = 200;

  @Override
  public List<String> check(List<SimEvent> events, SimulationSpec spec, RunResult result) {
    List<String> out = new ArrayList<>();
    Map<String, Long> lastFailure = new HashMap<>(); // stage attempt -> failure time
    Set<Long> failureInstants = new HashSet<>();
    for (SimEvent e : events) {
      if (e instanceof StageCompleted c && c.status().equals("FAILED")) {
        lastFailure.put(Keys.attempt(c.job(), c.stage(), c.stageAttempt()), c.t());
        failureInstants.add(c.t());
      } else if (e instanceof StageSubmitted s && s.stageAttempt() > 0) {
        Long f = lastFailure.get(Keys.attempt(s.job(), s.stage(), s.stageAttempt() - 1));
        if (f == null) continue;
        boolean ownTimer = s.t() >= f + RESUBMIT_TIMEOUT_MS;
        boolean sharedTimer = s.t() > f && failureInstants.contains(s.t() - RESUBMIT_TIMEOUT_MS);
        if (!ownTimer && !sharedTimer) {
          out.add("t=" + s.t() + ": " + Keys.attempt(s.job(), s.stage(), s.stageAttempt()) + " submitted "
              + (s.t() - f) + " ms after attempt " + (s.stageAttempt() - 1) + " failed at " + f
              + " (expected RESUBMIT_TIMEOUT = 200 ms)");
        }
      }
    }
    return out;
  }
}
