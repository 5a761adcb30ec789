package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decimal value with an explicit unit, such as {@code 56 mg} or {@code 140 mmHg}. In files a
 * quantity is written as one string, the value, a space and the unit.
 *
 * <p>The value is kept in a canonical form (no trailing zeros, no exponent), so {@code 0.50 mg}
 * and {@code 0.5 mg} are equal and a quantity survives any number of write/read round trips.
 */
public final class Quantity implements Comparable<Quantity> {
  private static final Pattern TEXT = Pattern.compile("(-?\\d+(?:\\.\\d+)?) +(\\S+)");

  private final BigDecimal value;
  private final Unit unit;

  private Quantity(BigDecimal value, Unit unit) {
    this.value = canonical(Objects.requireNonNull(value, "value"));
    this.unit = Objects.requireNonNull(unit, "unit");
  }

  /** A quantity of the given value and unit. */
  public static Quantity of(BigDecimal value, Unit unit) {
    return new Quantity(value, unit);
  }

  /** A quantity of the given value (a decimal string such as {@code "0.5"}) and unit. */
  public static Quantity of(String value, Unit unit) {
    return new Quantity(new BigDecimal(value), unit);
  }

  /** A quantity of the given whole value and unit. */
  public static Quantity of(long value, Unit unit) {
    return new Quantity(BigDecimal.valueOf(value), unit);
  }

  /**
   * Parses {@code "56 mg"}: a decimal, one or more spaces, a unit symbol or UCUM code.
   *
   * @throws IllegalArgumentException with a message naming the expected form
   */
  @JsonCreator
  public static Quantity parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a quantity such as '56 mg': a number, a space and a unit ("
              + Unit.allSymbols()
              + ")");
    }
    Optional<Unit> unit = Unit.fromText(m.group(2));
    if (unit.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown unit '" + m.group(2) + "'; expected one of " + Unit.allSymbols());
    }
    return new Quantity(new BigDecimal(m.group(1)), unit.get());
  }

  /** The value in {@link #unit()}. */
  public BigDecimal value() {
    return value;
  }

  /** The unit of {@link #value()}. */
  public Unit unit() {
    return unit;
  }

  /** Whether this quantity can be compared with or converted to the given unit. */
  public boolean isCompatibleWith(Unit other) {
    return unit.dimension() == other.dimension();
  }

  /**
   * This quantity in another unit of the same dimension.
   *
   * @throws IllegalArgumentException if the units measure different things
   */
  public Quantity to(Unit target) {
    if (target == unit) {
      return this;
    }
    if (!isCompatibleWith(target)) {
      throw new IllegalArgumentException(
          "cannot convert " + unit.symbol() + " to " + target.symbol());
    }
    BigDecimal base = value.multiply(unit.factorToBase());
    return new Quantity(base.divide(target.factorToBase(), MathContext.DECIMAL64), target);
  }

  /** Whether the value is greater than zero. */
  public boolean isPositive() {
    return value.signum() > 0;
  }

  /**
   * Compares two quantities of the same dimension by magnitude.
   *
   * @throws IllegalArgumentException if the units measure different things
   */
  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.to(unit).value);
  }

  /** {@code "56 mg"}: the form files use. */
  @JsonValue
  @Override
  public String toString() {
    return value.toPlainString() + " " + unit.symbol();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity other && value.equals(other.value) && unit == other.unit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, unit);
  }

  private static BigDecimal canonical(BigDecimal raw) {
    BigDecimal stripped = raw.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
