package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  private static final String ALL_UNITS =
      "mg, mg/kg, kg, lb, mmHg, /min, %, Cel, kg/m2, s, min, h, d, wk, {score}";

  /* ------------------------------------------------------------------ canonical form */

  @Test
  void parse_withTrailingZeros_equalsShortForm() {
    assertThat(Quantity.parse("0.50 mg")).isEqualTo(Quantity.parse("0.5 mg"));
  }

  @Test
  void parse_withTrailingZeros_hasSameHashCode() {
    assertThat(Quantity.parse("0.50 mg")).hasSameHashCodeAs(Quantity.parse("0.5 mg"));
  }

  @Test
  void toString_ofTrailingZeros_dropsThem() {
    assertThat(Quantity.parse("0.500 mg")).hasToString("0.5 mg");
  }

  @Test
  void toString_ofHundred_keepsPlainDigits() {
    assertThat(Quantity.parse("100 mg")).hasToString("100 mg");
  }

  @Test
  void of_withExponentValue_isWrittenWithoutExponent() {
    assertThat(Quantity.of(new BigDecimal("1E+2"), Unit.MG)).hasToString("100 mg");
  }

  @Test
  void of_withWholeDecimal_hasScaleZero() {
    assertThat(Quantity.of("56.000", Unit.MG).value()).isEqualTo(new BigDecimal("56"));
  }

  @Test
  void of_longAndStringAndParse_agree() {
    assertThat(Quantity.of(84, Unit.MG))
        .isEqualTo(Quantity.of("84.0", Unit.MG))
        .isEqualTo(Quantity.parse("84 mg"));
  }

  @Test
  void equals_sameValueOtherUnit_isFalse() {
    assertThat(Quantity.parse("1 kg")).isNotEqualTo(Quantity.parse("1 lb"));
  }

  @ParameterizedTest
  @EnumSource(Unit.class)
  void parse_ofToString_roundTripsEveryUnit(Unit unit) {
    Quantity q = Quantity.of("12.5", unit);

    assertThat(Quantity.parse(q.toString())).isEqualTo(q);
  }

  @Test
  void parse_withUcumCode_usesUnitAndWritesSymbol() {
    Quantity q = Quantity.parse("140 mm[Hg]");

    assertThat(q.unit()).isEqualTo(Unit.MMHG);
    assertThat(q).hasToString("140 mmHg");
  }

  @Test
  void parse_withSurroundingAndRepeatedSpaces_accepts() {
    assertThat(Quantity.parse("  -5   /min ")).isEqualTo(Quantity.of(-5, Unit.PER_MIN));
  }

  /* ------------------------------------------------------------------ parse errors */

  @ParameterizedTest
  @ValueSource(strings = {"56mg", "mg 56", ".5 mg", "1e3 mg", "5,0 mg", "56", "", "56 mg extra"})
  void parse_withMalformedText_namesExpectedForm(String text) {
    assertThatThrownBy(() -> Quantity.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a quantity such as '56 mg': a number, a space and a unit (" + ALL_UNITS + ")");
  }

  @Test
  void parse_withUnknownUnit_namesUnitAndChoices() {
    assertThatThrownBy(() -> Quantity.parse("56 grams"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown unit 'grams'; expected one of " + ALL_UNITS);
  }

  @Test
  void parse_withWrongCaseUnit_rejectsUnit() {
    assertThatThrownBy(() -> Quantity.parse("120 MMHG"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown unit 'MMHG'; expected one of " + ALL_UNITS);
  }

  /* ------------------------------------------------------------------ conversion, comparison */

  @Test
  void to_kilogramsToPounds_isExactEnough() {
    assertThat(Quantity.parse("70 kg").to(Unit.LB).value().doubleValue())
        .isCloseTo(154.3235835294143, within(1e-9));
  }

  @Test
  void to_poundsToKilograms_isExact() {
    assertThat(Quantity.parse("154 lb").to(Unit.KG)).isEqualTo(Quantity.parse("69.85322498 kg"));
  }

  @Test
  void to_kilogramsToPoundsAndBack_returnsNearlyTheSame() {
    BigDecimal back = Quantity.parse("70 kg").to(Unit.LB).to(Unit.KG).value();

    assertThat(back).isCloseTo(new BigDecimal("70"), within(new BigDecimal("1e-12")));
  }

  @Test
  void to_hoursToMinutes_isExact() {
    assertThat(Quantity.parse("2 h").to(Unit.MINUTE)).isEqualTo(Quantity.parse("120 min"));
  }

  @Test
  void to_sameUnit_returnsSameInstance() {
    Quantity q = Quantity.parse("56 mg");

    assertThat(q.to(Unit.MG)).isSameAs(q);
  }

  @ParameterizedTest
  @EnumSource(value = Unit.class, names = "MMHG", mode = EnumSource.Mode.EXCLUDE)
  void to_fromMmHg_isRefusedForEveryOtherUnit(Unit target) {
    assertThatThrownBy(() -> Quantity.parse("140 mmHg").to(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot convert mmHg to " + target.symbol());
  }

  @Test
  void to_mgPerKgToMg_isRefusedWithoutWeight() {
    assertThatThrownBy(() -> Quantity.parse("0.5 mg/kg").to(Unit.MG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot convert mg/kg to mg");
  }

  @Test
  void compareTo_acrossBodyMassUnits_comparesMagnitude() {
    assertThat(Quantity.parse("1 kg")).isGreaterThan(Quantity.parse("2 lb"));
  }

  @Test
  void compareTo_ofEqualValuesWithDifferentScale_isZero() {
    assertThat(Quantity.parse("56 mg").compareTo(Quantity.of(new BigDecimal("56.00"), Unit.MG)))
        .isZero();
  }

  @Test
  void compareTo_acrossDimensions_isRefused() {
    assertThatThrownBy(() -> Quantity.parse("56 mg").compareTo(Quantity.parse("56 mmHg")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot convert mmHg to mg");
  }

  @Test
  void isPositive_ofZeroAndNegativeAndTiny_isOnlyTrueAboveZero() {
    assertThat(Quantity.parse("0 mg").isPositive()).isFalse();
    assertThat(Quantity.parse("-1 mg").isPositive()).isFalse();
    assertThat(Quantity.parse("0.001 mg").isPositive()).isTrue();
  }

  @Test
  void isCompatibleWith_onlySameDimension() {
    assertThat(Quantity.parse("1 kg").isCompatibleWith(Unit.LB)).isTrue();
    assertThat(Quantity.parse("1 kg").isCompatibleWith(Unit.MG)).isFalse();
  }

  /* ------------------------------------------------------------------ unit */

  @ParameterizedTest
  @EnumSource(Unit.class)
  void fromText_ofSymbolAndUcum_findsUnit(Unit unit) {
    assertThat(Unit.fromText(unit.symbol())).contains(unit);
    assertThat(Unit.fromText(unit.ucum())).contains(unit);
  }

  @Test
  void fromText_ofUnknownText_isEmpty() {
    assertThat(Unit.fromText("mcg")).isEmpty();
  }
}
