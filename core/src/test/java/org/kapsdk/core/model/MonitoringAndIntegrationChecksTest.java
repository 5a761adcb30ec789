package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;
import static org.kapsdk.core.model.Fixtures.integrationStep;
import static org.kapsdk.core.model.Fixtures.monitoring;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks of monitoring plans, monitored observations and integration steps. */
class MonitoringAndIntegrationChecksTest {

  private static MonitoredObservation.Builder systolic() {
    return MonitoredObservation.builder().code(Codes.SYSTOLIC_BP);
  }

  @Test
  void monitoringBuild_withZeroMinimumDuration_rejectsMinimumDuration() {
    assertProblems(() -> monitoring().minimumDuration(Duration.ZERO).build())
        .containsExactly(tuple("minimumDuration", "must be longer than zero"));
  }

  @Test
  void monitoringBuild_withEmptyAllOfEndsWhen_reportsConditionPath() {
    AllOf empty = org.kapsdk.core.internal.DeferredValidation.run(() -> AllOf.builder().build());

    assertProblems(() -> monitoring().endsWhen(empty).build())
        .containsExactly(tuple("endsWhen.conditions", "must not be empty"));
  }

  @Test
  void observationBuild_withNoSchedule_rejectsObservation() {
    assertProblems(() -> systolic().build())
        .containsExactly(tuple("", "needs at least one of at, every or continuous"));
  }

  @Test
  void observationBuild_withNegativeOffset_rejectsOffset() {
    assertProblems(() -> systolic().addAt(d("-5 min"), d("40 min")).build())
        .containsExactly(tuple("at[0]", "must not be negative"));
  }

  @Test
  void observationBuild_withDescendingOffsets_rejectsLaterOffset() {
    assertProblems(() -> systolic().addAt(d("0 min"), d("40 min"), d("30 min")).build())
        .containsExactly(
            tuple("at[2]", "offsets must be strictly ascending; 30 min follows 40 min"));
  }

  @Test
  void observationBuild_withRepeatedOffset_rejectsRepeat() {
    assertProblems(() -> systolic().addAt(d("1 h"), d("60 min")).build())
        .containsExactly(tuple("at[1]", "offsets must be strictly ascending; 1 h follows 1 h"));
  }

  @Test
  void observationBuild_withSubSecondOffset_rejectsFraction() {
    assertProblems(() -> systolic().addAt(Duration.ofMillis(100)).build())
        .containsExactly(tuple("at[0]", "must be a whole number of seconds"));
  }

  @Test
  void observationBuild_withZeroEvery_rejectsEvery() {
    assertProblems(() -> systolic().every(Duration.ZERO).build())
        .containsExactly(tuple("every", "must be longer than zero"));
  }

  @Test
  void observationBuild_continuousOnly_accepts() {
    assertThat(systolic().continuous(true).build().continuous()).isTrue();
  }

  /* ------------------------------------------------------------------ integration step */

  @Test
  void integrationBuild_withInvalidId_rejectsId() {
    assertProblems(() -> integrationStep("call #1").build())
        .containsExactly(
            tuple(
                "id",
                "'call #1' is not a valid id; use letters, digits, '.', '_' or '-' (at most 64 characters)"));
  }

  @Test
  void integrationBuild_withBlankTitle_rejectsTitle() {
    assertProblems(() -> integrationStep("call").title("").build())
        .containsExactly(tuple("title", "must not be blank"));
  }

  @Test
  void integrationBuild_withEarliestAfterLatest_rejectsWindow() {
    assertProblems(() -> integrationStep("call").earliest(d("3 d")).latest(d("1 d")).build())
        .containsExactly(tuple("earliest", "earliest (3 d) must not be after latest (1 d)"));
  }

  @Test
  void integrationBuild_withNegativeEarliestAndZeroLatest_reportsBothButNoWindow() {
    assertProblems(
            () -> integrationStep("call").earliest(d("-1 h")).latest(Duration.ZERO).build())
        .containsExactly(
            tuple("earliest", "must not be negative"), tuple("latest", "must be longer than zero"));
  }

  @Test
  void integrationBuild_withEqualEarliestAndLatest_accepts() {
    IntegrationStep step = integrationStep("call").earliest(d("1 d")).latest(d("24 h")).build();

    assertThat(step.earliest()).isEqualTo(step.latest());
  }
}
