package dev.barriersim.report;

import java.io.IOException;

/** The output path cannot be used (a file, or a folder that is not a barriersim output): a usage error. */
public final class OutputConflictException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a message that says what to do. */
  public OutputConflictException(String message) {
    super(message);
  }
}
