package org.kapsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest(name = "{0} = {1} s")
  @CsvSource({
    "30 s, 30", "120 min, 7200", "2 h, 7200", "3 d, 259200", "1 wk, 604800", "-30 min, -1800",
    "0 s, 0", "' 5 min ', 300"
  })
  void parse_ofEachUnit_givesSeconds(String text, long seconds) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "{0} s is written {1}")
  @CsvSource({
    "7200, 2 h", "5400, 90 min", "604800, 1 wk", "1209600, 2 wk", "259200, 3 d", "86400, 1 d",
    "61, 61 s", "-1800, -30 min", "0, 0 min"
  })
  void format_picksLargestExactUnit(long seconds, String text) {
    assertThat(DurationText.format(Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"120 min", "2 h", "3 d", "1 wk", "45 s", "-2 d", "0 min", "10 d"})
  void parse_ofFormat_roundTrips(String text) {
    Duration d = DurationText.parse(text);

    assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2 months", "1 y", "1.5 h", "h", "2 hours", "", "P1D", "2 H", "1234567890123 s"})
  void parse_ofUnsupportedText_namesExpectedForm(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "expected a duration such as '120 min': a whole number, a space and one of s, min, h, d, wk");
  }

  @Test
  void format_ofSubSecondDuration_showsFractionalSeconds() {
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1.5 s");
  }

  @Test
  void format_ofOneNanosecond_showsIt() {
    assertThat(DurationText.format(Duration.ofNanos(1))).isEqualTo("0.000000001 s");
  }

  @Test
  void format_ofSubSecondDurationAboveAMinute_keepsWholeSeconds() {
    assertThat(DurationText.format(Duration.ofSeconds(90, 250_000_000))).isEqualTo("90.25 s");
  }

  @Test
  void format_ofNegativeSubSecondDuration_keepsSign() {
    assertThat(DurationText.format(Duration.ofMillis(-500))).isEqualTo("-0.5 s");
  }
}
