package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;
import static org.kapsdk.core.model.Fixtures.dosing;
import static org.kapsdk.core.model.Fixtures.dosingSession;
import static org.kapsdk.core.model.Fixtures.integrationStep;
import static org.kapsdk.core.model.Fixtures.monitoring;
import static org.kapsdk.core.model.Fixtures.phase;
import static org.kapsdk.core.model.Fixtures.rule;
import static org.kapsdk.core.model.Fixtures.session;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks of phases and session templates, with paths relative to the value built. */
class SessionStructureChecksTest {

  private static final String ID_RULE = "use letters, digits, '.', '_' or '-' (at most 64 characters)";

  /* ------------------------------------------------------------------ phase */

  @Test
  void phaseBuild_withSpaceInId_rejectsId() {
    assertProblems(() -> phase("phase one", session("s", SessionKind.SCREENING).build()).build())
        .containsExactly(tuple("id", "'phase one' is not a valid id; " + ID_RULE));
  }

  @Test
  void phaseBuild_withMixedCaseId_accepts() {
    assertThat(phase("Induction_2.a", session("s", SessionKind.SCREENING).build()).build().id())
        .isEqualTo("Induction_2.a");
  }

  @Test
  void phaseBuild_withBlankTitle_rejectsTitle() {
    assertProblems(
            () -> phase("p", session("s", SessionKind.SCREENING).build()).title(" ").build())
        .containsExactly(tuple("title", "must not be blank"));
  }

  @Test
  void phaseBuild_withBlankDescription_rejectsDescription() {
    assertProblems(
            () -> phase("p", session("s", SessionKind.SCREENING).build()).description("").build())
        .containsExactly(tuple("description", "must not be blank"));
  }

  @Test
  void phaseBuild_withoutSessions_rejectsEmptyList() {
    assertProblems(() -> phase("p").build()).containsExactly(tuple("sessions", "must not be empty"));
  }

  /* ------------------------------------------------------------------ session */

  @Test
  void sessionBuild_withIdStartingWithDash_rejectsId() {
    assertProblems(() -> session("-s", SessionKind.SCREENING).build())
        .containsExactly(tuple("id", "'-s' is not a valid id; " + ID_RULE));
  }

  @Test
  void sessionBuild_withBlankTitle_rejectsTitle() {
    assertProblems(() -> session("s", SessionKind.SCREENING).title("").build())
        .containsExactly(tuple("title", "must not be blank"));
  }

  @Test
  void sessionBuild_withBlankDescription_rejectsDescription() {
    assertProblems(() -> session("s", SessionKind.SCREENING).description("  ").build())
        .containsExactly(tuple("description", "must not be blank"));
  }

  @Test
  void sessionBuild_withZeroCount_rejectsCount() {
    assertProblems(() -> session("s", SessionKind.SCREENING).count(0).build())
        .containsExactly(tuple("count", "must be at least 1"));
  }

  @Test
  void sessionBuild_withCountAndRepeat_rejectsRepeat() {
    assertProblems(
            () ->
                session("s", SessionKind.ASSESSMENT)
                    .count(2)
                    .repeat(Repeat.builder().timesPerWeek(1).build())
                    .build())
        .containsExactly(tuple("repeat", "count and repeat cannot both be set; use one"));
  }

  @Test
  void sessionBuild_withZeroDuration_rejectsDuration() {
    assertProblems(() -> session("s", SessionKind.SCREENING).duration(d("0 min")).build())
        .containsExactly(tuple("duration", "must be longer than zero"));
  }

  @Test
  void sessionBuild_dosingKindWithoutDosing_rejectsMissingDosing() {
    assertProblems(() -> session("s", SessionKind.DOSING).build())
        .containsExactly(tuple("dosing", "is required for a DOSING session"));
  }

  @Test
  void sessionBuild_dosingOnScreeningSession_rejectsDosing() {
    assertProblems(() -> session("s", SessionKind.SCREENING).dosing(dosing().build()).build())
        .containsExactly(tuple("dosing", "is only allowed on a DOSING session, not SCREENING"));
  }

  @Test
  void sessionBuild_monitoringOnIntegrationSession_rejectsMonitoring() {
    assertProblems(
            () -> session("s", SessionKind.INTEGRATION).monitoring(monitoring().build()).build())
        .containsExactly(tuple("monitoring", "is only allowed on a DOSING session, not INTEGRATION"));
  }

  @Test
  void sessionBuild_integrationStepsOnFollowUp_rejectsSteps() {
    assertProblems(
            () ->
                session("s", SessionKind.FOLLOW_UP)
                    .addIntegrationStep(integrationStep("call").build())
                    .build())
        .containsExactly(
            tuple("integrationSteps", "are only allowed on a DOSING session, not FOLLOW_UP"));
  }

  @Test
  void sessionBuild_withSameInstrumentTwice_rejectsSecondAssessment() {
    assertProblems(
            () ->
                session("s", SessionKind.ASSESSMENT)
                    .addAssessment(AssessmentSpec.builder().instrument(Instrument.PHQ9).build())
                    .addAssessment(AssessmentSpec.builder().instrument(Instrument.GAD7).build())
                    .addAssessment(
                        AssessmentSpec.builder().instrument(Instrument.PHQ9).required(false).build())
                    .build())
        .containsExactly(
            tuple(
                "assessments[2].instrument",
                "duplicate assessment instrument 'PHQ9' (first used at assessments[0].instrument)"));
  }

  @ParameterizedTest
  @EnumSource(value = Gate.class, names = {"ELIGIBILITY", "COURSE"})
  void sessionBuild_withTemplateLevelGateRule_rejectsGate(Gate gate) {
    assertProblems(
            () ->
                session("s", SessionKind.ASSESSMENT)
                    .addRule(rule("r", gate).forbid(Fixtures.pregnancy()).build())
                    .build())
        .containsExactly(
            tuple(
                "rules[0].gate",
                gate
                    + " rules belong to the template's rules; a session's rules use PRE_DOSE,"
                    + " DURING_SESSION or DISCHARGE"));
  }

  @ParameterizedTest
  @EnumSource(value = Gate.class, names = {"PRE_DOSE", "DURING_SESSION", "DISCHARGE"})
  void sessionBuild_withSessionGateRule_accepts(Gate gate) {
    SessionTemplate s =
        session("s", SessionKind.ASSESSMENT)
            .addRule(rule("r", gate).forbid(Fixtures.pregnancy()).build())
            .build();

    assertThat(s.rules()).extracting(Rule::gate).containsExactly(gate);
  }

  @Test
  void sessionBuild_withManyProblems_reportsEveryOneInOrder() {
    assertProblems(
            () ->
                SessionTemplate.builder()
                    .id("bad id")
                    .kind(SessionKind.SCREENING)
                    .title("")
                    .count(0)
                    .dosing(dosing().build())
                    .build())
        .containsExactly(
            tuple("id", "'bad id' is not a valid id; " + ID_RULE),
            tuple("title", "must not be blank"),
            tuple("count", "must be at least 1"),
            tuple("dosing", "is only allowed on a DOSING session, not SCREENING"));
  }

  @Test
  void sessionBuild_withProblemInsideRule_reportsRulePath() {
    Rule rule =
        org.kapsdk.core.internal.DeferredValidation.run(
            () -> rule("r", Gate.PRE_DOSE).message("").forbid(Fixtures.pregnancy()).build());

    assertProblems(() -> dosingSession("dose").rules(List.of(rule)).build())
        .containsExactly(tuple("rules[0].message", "must not be blank"));
  }

  /* ------------------------------------------------------------------ group */

  @Test
  void sessionBuild_withGroup_keepsItsLimits() {
    SessionTemplate s = session("prep", SessionKind.PREPARATION)
        .group(GroupSpec.builder().maxParticipants(30).minParticipants(6).build()).build();

    assertThat(s.group()).hasValueSatisfying(g -> {
      assertThat(g.maxParticipants()).contains(30);
      assertThat(g.minParticipants()).contains(6);
    });
    assertThat(session("prep", SessionKind.PREPARATION).build().group()).isEmpty();
  }

  @Test
  void groupBuild_withBadLimits_reportsEveryProblem() {
    assertProblems(() -> GroupSpec.builder().maxParticipants(1).minParticipants(0).build())
        .containsExactly(
            tuple("maxParticipants", "must be at least 2: a group session holds more than one participant"),
            tuple("minParticipants", "must be at least 1"));
    assertProblems(() -> GroupSpec.builder().maxParticipants(8).minParticipants(9).build())
        .containsExactly(tuple("minParticipants", "minParticipants (9) must not be above maxParticipants (8)"));
  }
}
