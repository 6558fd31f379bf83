/**
 * The discrete-event engine: a virtual clock and an event list ordered by (time, phase, sequence),
 * with cancellable events. It knows nothing about Spark.
 */
package dev.barriersim.core.engine;
