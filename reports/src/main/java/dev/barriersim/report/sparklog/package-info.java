/**
 * A simulated run written as a Spark 3.5 event log ({@code <mode>/spark-eventlog.json}), so the
 * Spark history server, or {@code barriersim import}, can read it.
 */
package dev.barriersim.report.sparklog;
