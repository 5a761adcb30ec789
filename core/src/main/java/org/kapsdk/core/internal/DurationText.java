package org.kapsdk.core.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a duration in files and messages: a whole number, a space and one of the
 * UCUM units {@code s}, {@code min}, {@code h}, {@code d}, {@code wk} ({@code "120 min"},
 * {@code "2 h"}, {@code "-30 min"}). Months and years are not accepted: their length varies.
 * Writing picks the largest unit that represents the duration exactly, so a duration survives
 * any number of round trips.
 */
public final class DurationText {
  private static final Pattern TEXT = Pattern.compile("(-?\\d{1,12}) *(s|min|h|d|wk)");
  private static final String[] UNITS = {"wk", "d", "h", "min", "s"};
  private static final long[] SECONDS = {604_800, 86_400, 3_600, 60, 1};

  /** The accepted form, for error messages. */
  public static final String EXPECTED =
      "expected a duration such as '120 min': a whole number, a space and one of s, min, h, d, wk";

  private DurationText() {}

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException with {@link #EXPECTED} as the message
   */
  public static Duration parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(EXPECTED);
    }
    long amount = Long.parseLong(m.group(1));
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(m.group(2))) {
        return Duration.ofSeconds(Math.multiplyExact(amount, SECONDS[i]));
      }
    }
    throw new AssertionError(m.group(2));
  }

  /** The text form; sub-second parts, which no file can hold, are shown as fractional seconds. */
  public static String format(Duration duration) {
    if (duration.getNano() != 0) {
      return BigDecimal.valueOf(duration.getSeconds())
              .add(BigDecimal.valueOf(duration.getNano(), 9))
              .stripTrailingZeros()
              .toPlainString()
          + " s";
    }
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0 min";
    }
    for (int i = 0; i < UNITS.length; i++) {
      if (seconds % SECONDS[i] == 0) {
        return seconds / SECONDS[i] + " " + UNITS[i];
      }
    }
    throw new AssertionError(seconds);
  }
}
