package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks of {@link Repeat}, {@link Timing}, {@link Anchor} and {@link IntervalConstraint}. */
class ScheduleChecksTest {

  /* ------------------------------------------------------------------ repeat */

  @Test
  void repeatBuild_withNeitherTimesPerWeekNorEvery_rejectsRepeat() {
    assertProblems(() -> Repeat.builder().weeks(4).build())
        .containsExactly(tuple("", "exactly one of timesPerWeek and every must be set"));
  }

  @Test
  void repeatBuild_withTimesPerWeekAndEvery_rejectsRepeat() {
    assertProblems(() -> Repeat.builder().timesPerWeek(2).every(d("1 wk")).build())
        .containsExactly(tuple("", "exactly one of timesPerWeek and every must be set"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 8, -1})
  void repeatBuild_withTimesPerWeekOutsideOneToSeven_rejectsTimesPerWeek(int times) {
    assertProblems(() -> Repeat.builder().timesPerWeek(times).build())
        .containsExactly(tuple("timesPerWeek", "must be between 1 and 7"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7})
  void repeatBuild_withTimesPerWeekAtBounds_accepts(int times) {
    assertThat(Repeat.builder().timesPerWeek(times).build().timesPerWeek()).contains(times);
  }

  @Test
  void repeatBuild_withZeroEvery_rejectsEvery() {
    assertProblems(() -> Repeat.builder().every(Duration.ZERO).build())
        .containsExactly(tuple("every", "must be longer than zero"));
  }

  @Test
  void repeatBuild_withSubSecondEvery_rejectsFraction() {
    assertProblems(() -> Repeat.builder().every(Duration.ofMillis(1500)).build())
        .containsExactly(tuple("every", "must be a whole number of seconds"));
  }

  @Test
  void repeatBuild_withWeeksAndOccurrences_rejectsOccurrences() {
    assertProblems(() -> Repeat.builder().timesPerWeek(2).weeks(4).occurrences(8).build())
        .containsExactly(tuple("occurrences", "weeks and occurrences cannot both be set; use one"));
  }

  @Test
  void repeatBuild_withZeroWeeks_rejectsWeeks() {
    assertProblems(() -> Repeat.builder().timesPerWeek(2).weeks(0).build())
        .containsExactly(tuple("weeks", "must be at least 1"));
  }

  @Test
  void repeatBuild_withZeroOccurrences_rejectsOccurrences() {
    assertProblems(() -> Repeat.builder().every(d("1 wk")).occurrences(0).build())
        .containsExactly(tuple("occurrences", "must be at least 1"));
  }

  /* ------------------------------------------------------------------ timing */

  @Test
  void timingBuild_withSubSecondTarget_rejectsTarget() {
    assertProblems(() -> Timing.builder().target(Duration.ofMillis(500)).build())
        .containsExactly(tuple("target", "must be a whole number of seconds"));
  }

  @Test
  void timingBuild_withSubSecondEarliestAndLatest_rejectsBoth() {
    assertProblems(
            () ->
                Timing.builder()
                    .earliest(Duration.ofMillis(-500))
                    .latest(Duration.ofNanos(1))
                    .build())
        .containsExactly(
            tuple("earliest", "must be a whole number of seconds"),
            tuple("latest", "must be a whole number of seconds"));
  }

  @Test
  void timingBuild_withEarliestAfterLatest_reportsWindowOnly() {
    assertProblems(
            () -> Timing.builder().target(d("1 d")).earliest(d("3 d")).latest(d("2 d")).build())
        .containsExactly(tuple("earliest", "earliest (3 d) must not be after latest (2 d)"));
  }

  @Test
  void timingBuild_withEarliestAfterTarget_rejectsEarliest() {
    assertProblems(() -> Timing.builder().target(d("1 d")).earliest(d("2 d")).build())
        .containsExactly(tuple("earliest", "earliest (2 d) must not be after the target (1 d)"));
  }

  @Test
  void timingBuild_withLatestBeforeTarget_rejectsLatest() {
    assertProblems(() -> Timing.builder().target(d("2 d")).latest(d("36 h")).build())
        .containsExactly(tuple("latest", "latest (36 h) must not be before the target (2 d)"));
  }

  @Test
  void timingBuild_withNegativeWindowAroundNegativeTarget_accepts() {
    Timing timing =
        Timing.builder().target(d("-1 d")).earliest(d("-2 d")).latest(d("-30 min")).build();

    assertThat(timing.earliest()).contains(Duration.ofDays(-2));
  }

  @Test
  void anchorBuild_withBlankSession_rejectsSession() {
    assertProblems(() -> Anchor.builder().session(" ").build())
        .containsExactly(tuple("session", "must not be blank"));
  }

  @Test
  void anchorBuild_withoutPoint_defaultsToEnd() {
    assertThat(Anchor.builder().session("screen").build().point()).isEqualTo(AnchorPoint.END);
  }

  /* ------------------------------------------------------------------ interval constraint */

  @Test
  void intervalBuild_withNeitherMinNorMax_rejectsInterval() {
    assertProblems(() -> IntervalConstraint.builder().after(SessionKind.DOSING).build())
        .containsExactly(tuple("", "at least one of min and max must be set"));
  }

  @Test
  void intervalBuild_withMinAboveMax_rejectsMin() {
    assertProblems(
            () ->
                IntervalConstraint.builder()
                    .after(SessionKind.DOSING)
                    .min(d("3 d"))
                    .max(d("1 d"))
                    .build())
        .containsExactly(tuple("min", "min (3 d) must not be greater than max (1 d)"));
  }

  @Test
  void intervalBuild_withNegativeMin_rejectsMin() {
    assertProblems(
            () -> IntervalConstraint.builder().after(SessionKind.DOSING).min(d("-1 h")).build())
        .containsExactly(tuple("min", "must not be negative"));
  }

  @Test
  void intervalBuild_withZeroMax_rejectsMax() {
    assertProblems(
            () -> IntervalConstraint.builder().after(SessionKind.DOSING).max(Duration.ZERO).build())
        .containsExactly(tuple("max", "must be longer than zero"));
  }

  @Test
  void intervalBuild_withEqualMinAndMax_accepts() {
    IntervalConstraint interval =
        IntervalConstraint.builder().after(SessionKind.DOSING).min(d("2 d")).max(d("48 h")).build();

    assertThat(interval.min()).isEqualTo(interval.max());
  }

  @Test
  void timingBuild_withBadInterval_reportsIntervalPath() {
    IntervalConstraint bad =
        org.kapsdk.core.internal.DeferredValidation.run(
            () -> IntervalConstraint.builder().after(SessionKind.DOSING).build());

    assertProblems(() -> Timing.builder().addInterval(bad).build())
        .containsExactly(tuple("intervals[0]", "at least one of min and max must be set"));
  }
}
