package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorTest {

  @ParameterizedTest(name = "{1} {0} {2} is {3}")
  @CsvSource({
    "LT, 1, 2, true", "LT, 2, 2, false", "LT, 3, 2, false",
    "LE, 1, 2, true", "LE, 2, 2, true", "LE, 3, 2, false",
    "GT, 1, 2, false", "GT, 2, 2, false", "GT, 3, 2, true",
    "GE, 1, 2, false", "GE, 2, 2, true", "GE, 3, 2, true",
    "EQ, 1, 2, false", "EQ, 2, 2, true", "EQ, 2.00, 2, true",
    "NE, 1, 2, true", "NE, 2, 2, false", "NE, 2.0, 2, false"
  })
  void test_valueAgainstThreshold_holdsAsTheSymbolSays(
      Comparator comparator, String value, String threshold, boolean expected) {
    assertThat(comparator.test(new BigDecimal(value), new BigDecimal(threshold))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"LT, <", "LE, <=", "GT, >", "GE, >=", "EQ, =", "NE, !="})
  void symbol_ofEachComparator_isMathematical(Comparator comparator, String symbol) {
    assertThat(comparator.symbol()).isEqualTo(symbol);
  }
}
