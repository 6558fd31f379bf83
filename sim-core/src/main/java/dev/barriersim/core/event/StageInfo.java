package dev.barriersim.core.event;

/** A stage of a started job, as Spark's {@code StageInfo} tells listeners: id, name, barrier or not. */
public record StageInfo(int stageId, String name, boolean barrier) {}
