package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A unit of measure from the closed list the SDK understands, with its UCUM code. Files accept
 * either the symbol ({@code mmHg}) or the UCUM code ({@code mm[Hg]}); the SDK writes the symbol.
 *
 * <p>Conversions exist only inside a dimension and only where they are exact and safe: mg/kg
 * never converts to mg without a body weight, and mmHg converts to nothing.
 */
public enum Unit {
  MG("mg", "mg", Dimension.MASS, "1"),
  MG_PER_KG("mg/kg", "mg/kg", Dimension.MASS_PER_BODY_MASS, "1"),
  KG("kg", "kg", Dimension.BODY_MASS, "1"),
  LB("lb", "[lb_av]", Dimension.BODY_MASS, "0.45359237"),
  MMHG("mmHg", "mm[Hg]", Dimension.PRESSURE, "1"),
  PER_MIN("/min", "/min", Dimension.RATE, "1"),
  PERCENT("%", "%", Dimension.FRACTION, "1"),
  CELSIUS("Cel", "Cel", Dimension.TEMPERATURE, "1"),
  KG_PER_M2("kg/m2", "kg/m2", Dimension.BODY_MASS_INDEX, "1"),
  SECOND("s", "s", Dimension.TIME, "1"),
  MINUTE("min", "min", Dimension.TIME, "60"),
  HOUR("h", "h", Dimension.TIME, "3600"),
  DAY("d", "d", Dimension.TIME, "86400"),
  WEEK("wk", "wk", Dimension.TIME, "604800"),
  SCORE("{score}", "{score}", Dimension.SCORE, "1");

  private final String symbol;
  private final String ucum;
  private final Dimension dimension;
  private final BigDecimal factor;

  Unit(String symbol, String ucum, Dimension dimension, String factor) {
    this.symbol = symbol;
    this.ucum = ucum;
    this.dimension = dimension;
    this.factor = new BigDecimal(factor);
  }

  /** The symbol written in files and messages, for example {@code mmHg}. */
  @JsonValue
  public String symbol() {
    return symbol;
  }

  /** The UCUM code, for example {@code mm[Hg]}. */
  public String ucum() {
    return ucum;
  }

  /** What this unit measures. */
  public Dimension dimension() {
    return dimension;
  }

  /**
   * The factor that converts a value in this unit to the dimension's base unit (kg for body
   * mass, s for time, 1 otherwise).
   */
  BigDecimal factorToBase() {
    return factor;
  }

  /** The unit with the given symbol or UCUM code, matched exactly. */
  public static Optional<Unit> fromText(String text) {
    for (Unit unit : values()) {
      if (unit.symbol.equals(text) || unit.ucum.equals(text)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }

  /**
   * The unit with the given symbol or UCUM code: the form files use where a unit stands alone
   * (a parameter's {@code unit: mmHg}).
   *
   * @throws IllegalArgumentException naming every accepted symbol
   */
  @JsonCreator
  public static Unit parse(String text) {
    return fromText(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown unit '" + text + "'; expected one of " + allSymbols()));
  }

  /** Every accepted symbol, for error messages. */
  static String allSymbols() {
    return Arrays.stream(values()).map(Unit::symbol).collect(Collectors.joining(", "));
  }
}
