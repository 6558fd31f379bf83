package dev.barriersim.report;

/**
 * Counts work under way on an output folder, so that aborting can wait for it: no run or writer
 * outlives the temporary folder it writes into.
 */
public final class WorkGate {
  private int active;
  private boolean closed;

  /** Lets one piece of work in; false once closed (the work must then not start). */
  public synchronized boolean enter() {
    if (closed) return false;
    active++;
    return true;
  }

  /** The work that entered has ended. */
  public synchronized void leave() {
    active--;
    notifyAll();
  }

  /** Lets nothing in any more and waits for the work under way to end (or for an interrupt). */
  public synchronized void closeAndWait() {
    closed = true;
    while (active > 0) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
