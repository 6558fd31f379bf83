package dev.barriersim.core.event;

/** How a task attempt ended, as in {@code tasks.csv}; RUNNING when the run stopped first. */
public enum TaskStatus { SUCCESS, FAILED, KILLED, RUNNING }
