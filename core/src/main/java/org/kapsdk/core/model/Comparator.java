package org.kapsdk.core.model;

import java.math.BigDecimal;

/** How an observed value is compared with a threshold: {@code value COMPARATOR threshold}. */
public enum Comparator {
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  EQ("="),
  NE("!=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  /** The mathematical symbol, for messages. */
  public String symbol() {
    return symbol;
  }

  /** Whether {@code value COMPARATOR threshold} holds. */
  public boolean test(BigDecimal value, BigDecimal threshold) {
    int c = value.compareTo(threshold);
    switch (this) {
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case GT:
        return c > 0;
      case GE:
        return c >= 0;
      case EQ:
        return c == 0;
      case NE:
        return c != 0;
      default:
        throw new AssertionError(this);
    }
  }
}
