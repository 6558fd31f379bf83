package dev.barriersim.cli;

import dev.barriersim.report.Mode;
import picocli.CommandLine;

/** Converts {@code barrier} / {@code non-barrier} for {@code --modes}. */
final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
  @Override
  public Mode convert(String value) {
    try {
      return Mode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
