package org.kapsdk.core.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kapsdk.core.internal.DurationText;

/** Parsing, canonical form and range of parameter values, by {@link ParameterType}. */
final class ParameterValues {
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

  private ParameterValues() {}

  /** The canonical text of a value; throws with the expected form when it is not of the type. */
  static String canonical(Parameter p, String text) {
    return switch (p.type()) {
      case INTEGER -> Integer.toString(integer(text));
      case DURATION -> DurationText.format(DurationText.parse(text));
      case QUANTITY -> quantity(p, text).toString();
    };
  }

  static Optional<String> problemWith(Parameter p, String text) {
    try {
      canonical(p, text);
    } catch (IllegalArgumentException e) {
      return Optional.of("'" + text + "' is not a value of parameter '" + p.name() + "' (" + p.type() + "): " + e.getMessage());
    }
    Optional<String> low = p.min().filter(min -> parses(p, min) && compare(p, text, min) < 0);
    if (low.isPresent()) {
      return Optional.of("'" + text + "' is below the minimum of parameter '" + p.name() + "' (" + low.get() + ")");
    }
    Optional<String> high = p.max().filter(max -> parses(p, max) && compare(p, text, max) > 0);
    if (high.isPresent()) {
      return Optional.of("'" + text + "' is above the maximum of parameter '" + p.name() + "' (" + high.get() + ")");
    }
    return Optional.empty();
  }

  /** Whether the text is a value of the parameter's type (and unit). */
  static boolean parses(Parameter p, String text) {
    try {
      canonical(p, text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Compares two values that both {@linkplain #parses parse}. */
  static int compare(Parameter p, String a, String b) {
    return switch (p.type()) {
      case INTEGER -> Integer.compare(integer(a), integer(b));
      case DURATION -> DurationText.parse(a).compareTo(DurationText.parse(b));
      case QUANTITY -> quantity(p, a).compareTo(quantity(p, b));
    };
  }

  /** The value as the Java type the template holds: an {@link Integer}, a {@link Duration} or a {@link Quantity}. */
  static Object typed(ParameterType type, String text) {
    return switch (type) {
      case INTEGER -> integer(text);
      case DURATION -> DurationText.parse(text);
      case QUANTITY -> Quantity.parse(text);
    };
  }

  private static int integer(String text) {
    String t = text.strip();
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException("expected a whole number such as 5");
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
  }

  private static Quantity quantity(Parameter p, String text) {
    Quantity q;
    try {
      q = Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(p.unit().map(u -> "expected a quantity in " + u.symbol() + " such as '90 " + u.symbol() + "'")
          .orElse(e.getMessage()));
    }
    if (p.unit().isPresent() && q.unit() != p.unit().get()) {
      throw new IllegalArgumentException("the value is in " + q.unit().symbol() + "; the parameter takes " + p.unit().get().symbol());
    }
    return q;
  }
}
