package dev.barriersim.core.event;

/** Receives an event's named fields in a fixed order; the event log turns them into JSON. */
public interface EventFields {
  /** A text field; {@code null} values are skipped. */
  EventFields str(String name, String value);

  /** An integer field. */
  EventFields num(String name, long value);

  /** A boolean field. */
  EventFields bool(String name, boolean value);
}
