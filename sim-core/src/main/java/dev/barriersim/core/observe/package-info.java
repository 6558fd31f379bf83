/**
 * Listeners that only observe a run: the events.jsonl and tasks.csv writers, the invariant checker
 * (always on) and the collector of the run's summary. None changes what the scheduler does.
 */
package dev.barriersim.core.observe;
