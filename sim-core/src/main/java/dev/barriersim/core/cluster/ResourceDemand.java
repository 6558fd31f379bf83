package dev.barriersim.core.cluster;

/**
 * What one task needs: cpus ({@code spark.task.cpus}) and custom resource amounts by index.
 * Counting slots follows Spark's {@code calculateAvailableSlots}: only the executor's limiting
 * resource is counted (the one that allows the fewest tasks on the executor's totals), so free
 * slots can be reported while another resource is short, and a barrier placement may then fail
 * and be reverted as in Spark.
 */
public record ResourceDemand(int cpus, int[] resources) {
  /** Copies the array. */
  public ResourceDemand {
    if (cpus < 1) throw new IllegalArgumentException("cpus must be >= 1");
    resources = resources.clone();
  }

  /** True when one more task fits in what {@code e} has free. */
  public boolean fits(Executor e) {
    if (e.freeCores < cpus) return false;
    for (int r = 0; r < resources.length; r++) {
      if (resources[r] > 0 && e.freeResources[r] < resources[r]) return false;
    }
    return true;
  }

  /** True when a task needs one core and no custom resource: an executor's free slots are then its free cores. */
  public boolean isOneCoreOnly() {
    if (cpus != 1) return false;
    for (int r : resources) if (r > 0) return false;
    return true;
  }

  /** Slots {@code e} offers now, counted on its limiting resource as Spark does. */
  public int freeSlots(Executor e) {
    int r = limitingResource(e);
    return r < 0 ? e.freeCores / cpus : e.freeResources[r] / resources[r];
  }

  /** Slots {@code e} has in all (busy ones count): Spark's {@code maxNumConcurrentTasks} share. */
  public int totalSlots(Executor e) {
    int slots = e.totalCores / cpus;
    for (int r = 0; r < resources.length; r++) {
      if (resources[r] > 0) slots = Math.min(slots, e.totalResources[r] / resources[r]);
    }
    return slots;
  }

  /**
   * The resource limiting tasks on {@code e}'s totals: -1 for cpus (also on ties), else the index
   * of the custom resource with the fewest slots (the first on ties).
   */
  public int limitingResource(Executor e) {
    int best = -1;
    int bestSlots = e.totalCores / cpus;
    for (int r = 0; r < resources.length; r++) {
      if (resources[r] > 0) {
        int s = e.totalResources[r] / resources[r];
        if (s < bestSlots) {
          best = r;
          bestSlots = s;
        }
      }
    }
    return best;
  }
}
