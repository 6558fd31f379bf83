package dev.barriersim.core.event;

import java.util.Arrays;
import java.util.List;

/**
 * Custom resources by address: the addresses an executor has, or the ones a task attempt holds
 * (Spark assigns addresses such as GPU "0" and "1" to each task). {@code addresses[r]} belongs to
 * {@code names.get(r)}; an empty array means none of that resource.
 */
public record HeldResources(List<String> names, int[][] addresses) {
  /** The resources at {@code addresses} (by index of {@code names}), or null when {@code addresses} is null. */
  public static HeldResources of(List<String> names, int[][] addresses) {
    return addresses == null ? null : new HeldResources(names, addresses);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeldResources h && names.equals(h.names) && Arrays.deepEquals(addresses, h.addresses);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + Arrays.deepHashCode(addresses);
  }

  @Override
  public String toString() {
    return formatAddresses();
  }

  /** The address count of resource {@code r}. */
  public int amount(int r) {
    return addresses[r].length;
  }

  /** Amounts, as {@code events.jsonl} writes an executor's resources: {@code gpu:2;fpga:1}. */
  public String formatAmounts() {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < addresses.length; r++) {
      if (addresses[r].length == 0) continue;
      if (sb.length() > 0) sb.append(';');
      sb.append(names.get(r)).append(':').append(addresses[r].length);
    }
    return sb.toString();
  }

  /** Addresses, as {@code tasks.csv} and {@code events.jsonl} write a task's: {@code gpu:0 1;fpga:0}. */
  public String formatAddresses() {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < addresses.length; r++) {
      if (addresses[r].length == 0) continue;
      if (sb.length() > 0) sb.append(';');
      sb.append(names.get(r)).append(':');
      for (int i = 0; i < addresses[r].length; i++) {
        if (i > 0) sb.append(' ');
        sb.append(addresses[r][i]);
      }
    }
    return sb.toString();
  }
}
