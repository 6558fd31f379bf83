package dev.barriersim.core.spark;

import static dev.barriersim.core.testing.SpecBuilder.inputHosts;
import static dev.barriersim.core.testing.SpecBuilder.spec;
import static dev.barriersim.core.testing.SpecBuilder.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.barriersim.core.event.SimEvent.LocalityLevelChanged;
import dev.barriersim.core.testing.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A speculating set with preferred locations, where PIT's survivors showed no test pinned its level (docs/properties.md). */
class SpeculatingLocalitySetGapsTest {

  /**
   * {@code TaskSetManager.getAllowedLocalityLevel} is asked only by {@code resourceOffer}, for an
   * offer that fits: with speculation on but no copy waiting, the set of three 10 s tasks preferring
   * host-0 (executor 1 busy throughout) moves to ANY when executor 0 is offered at 10 s and 20 s,
   * and its node-local launch resets it; after the last launch (20 s, executor 0 full) no offer
   * fits, so the level stays NODE_LOCAL until the offer at 30 s finds no task left.
   */
  @Test
  void speculatingSetWithoutCopies_movesItsLevelOnlyWhenAnOfferFits() {
    RecordedRun run = RecordedRun.of(spec().executorsOn(2, 1, 1, null).speculation()
        .job("x", inputHosts(stage("x", 1, 100_000), List.of("host-1")))
        .job("l", inputHosts(stage("l", 3, 10_000), List.of("host-0"), List.of("host-0"), List.of("host-0"))).build());
    List<String> levels = run.all(LocalityLevelChanged.class, c -> c.stage().equals("l")).stream()
        .map(c -> c.t() + ":" + c.to() + ":" + c.reason()).toList();
    assertEquals(List.of("0:NODE_LOCAL:submitted", "10000:ANY:wait", "10000:NODE_LOCAL:launch", "20000:ANY:wait",
        "20000:NODE_LOCAL:launch", "30000:ANY:noTasks"), levels);
  }
}
