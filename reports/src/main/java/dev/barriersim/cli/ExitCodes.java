package dev.barriersim.cli;

/** The exit codes of the contract. */
final class ExitCodes {
  /** Everything ran. */
  static final int OK = 0;
  /** Internal error. */
  static final int INTERNAL = 1;
  /** Bad usage, or a missing, unreadable or invalid scenario. */
  static final int USAGE = 2;

  private ExitCodes() {}

  /** The more severe of two codes: internal error over usage over success. */
  static int worst(int a, int b) {
    if (a == INTERNAL || b == INTERNAL) return INTERNAL;
    return Math.max(a, b);
  }
}
