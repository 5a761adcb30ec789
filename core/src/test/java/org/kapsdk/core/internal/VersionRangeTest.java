package org.kapsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

  @Test
  void contains_exactVersion_matchesOnlyThatVersion() {
    VersionRange range = VersionRange.parse("1.2.0");

    assertThat(range.contains("1.2.0")).isTrue();
    assertThat(range.contains("1.2.1")).isFalse();
    assertThat(range.contains("1.2.0+build.7")).isTrue();
  }

  @Test
  void contains_comparisons_allMustHold() {
    VersionRange range = VersionRange.parse(">=1.0.0 <2.0.0");

    assertThat(range.contains("1.0.0")).isTrue();
    assertThat(range.contains("1.10.3")).isTrue();
    assertThat(range.contains("2.0.0")).isFalse();
    assertThat(range.contains("0.9.9")).isFalse();
    assertThat(range.contains("not-a-version")).isFalse();
  }

  @Test
  void compare_preReleasesComeBeforeTheirRelease() {
    assertThat(VersionRange.compare("1.0.0-rc.1", "1.0.0")).isNegative();
    assertThat(VersionRange.compare("1.0.0-alpha", "1.0.0-alpha.1")).isNegative();
    assertThat(VersionRange.compare("1.0.0-alpha.beta", "1.0.0-beta")).isNegative();
    assertThat(VersionRange.compare("1.0.0-beta.2", "1.0.0-beta.11")).isNegative();
    assertThat(VersionRange.compare("1.0.0-1", "1.0.0-alpha")).isNegative();
    assertThat(VersionRange.compare("1.10.0", "1.9.0")).isPositive();
  }

  @Test
  void parse_notARange_namesTheExpectedForm() {
    assertThatThrownBy(() -> VersionRange.parse(">=1.0 <2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'>=1.0 <2' is not a version range; expected a version such as 1.0.0, or comparisons such as"
            + " '>=1.0.0 <2.0.0' (>=, >, <=, <, =)");
    assertThatThrownBy(() -> VersionRange.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VersionRange.parse(">=1.0.0,<2.0.0")).isInstanceOf(IllegalArgumentException.class);
  }
}
