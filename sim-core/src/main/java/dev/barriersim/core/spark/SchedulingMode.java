package dev.barriersim.core.spark;

/** {@code spark.scheduler.mode} and a pool's {@code schedulingMode}. */
public enum SchedulingMode { FIFO, FAIR }
