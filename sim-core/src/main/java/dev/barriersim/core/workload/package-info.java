/**
 * What the application runs: jobs, their stage DAGs, repetitions and stragglers, as specs, and the
 * rules a stage DAG must follow.
 */
package dev.barriersim.core.workload;
