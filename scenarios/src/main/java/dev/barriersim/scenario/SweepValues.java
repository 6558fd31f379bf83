package dev.barriersim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The values of one sweep key, by position: a list written in the file, or a range generated on
 * demand (so a range of any length costs nothing until its points run).
 */
sealed interface SweepValues permits SweepValues.Listed, SweepValues.Range {
  /** How many values (a range may be astronomically long; the size check refuses it before any point exists). */
  BigInteger count();

  /** Value {@code i}, as a node located where the file wrote it. */
  YamlNode node(long i);

  /** A list from the file. */
  record Listed(List<YamlNode> items) implements SweepValues {
    /** Freezes the list. */
    public Listed {
      items = List.copyOf(items);
    }

    @Override
    public BigInteger count() {
      return BigInteger.valueOf(items.size());
    }

    @Override
    public YamlNode node(long i) {
      return items.get((int) i);
    }
  }

  /**
   * {@code from, from + step, ...} up to {@code to} ({@code times} null), or {@code from, from x times, ...}
   * up to {@code to}; exact decimal arithmetic, so {@code 0.01} steps give {@code 0.03}, not
   * {@code 0.030000000000000002}. Located at the range's mapping.
   */
  record Range(BigDecimal from, BigDecimal step, BigInteger times, BigInteger count, boolean integral, int line,
      int column) implements SweepValues {
    @Override
    public YamlNode node(long i) {
      BigDecimal v = times != null ? from.multiply(new BigDecimal(times.pow((int) i)))
          : from.add(step.multiply(BigDecimal.valueOf(i)));
      if (integral) {
        BigInteger whole = v.toBigIntegerExact();
        return new YamlNode.Scalar(line, column, YamlNode.Scalar.Kind.INTEGER, whole.toString(),
            whole.bitLength() < 63 ? (Number) whole.longValue() : whole);
      }
      String text = v.stripTrailingZeros().toPlainString();
      return new YamlNode.Scalar(line, column, YamlNode.Scalar.Kind.DECIMAL, text.contains(".") ? text : text + ".0", v);
    }
  }
}
