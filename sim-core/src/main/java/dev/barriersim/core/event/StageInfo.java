package dev.barriersim.core.event;

/** A stage of a started job, as Spark's {@code StageInfo} tells listeners: its id, name and whether it is a barrier stage. */
public record StageInfo(int stageId, String name, boolean barrier) {}
