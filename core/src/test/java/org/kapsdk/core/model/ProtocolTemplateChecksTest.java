package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.d;
import static org.kapsdk.core.model.Fixtures.dosing;
import static org.kapsdk.core.model.Fixtures.dosingSession;
import static org.kapsdk.core.model.Fixtures.evidence;
import static org.kapsdk.core.model.Fixtures.followUpSession;
import static org.kapsdk.core.model.Fixtures.inductionPhase;
import static org.kapsdk.core.model.Fixtures.integrationStep;
import static org.kapsdk.core.model.Fixtures.phase;
import static org.kapsdk.core.model.Fixtures.q;
import static org.kapsdk.core.model.Fixtures.rule;
import static org.kapsdk.core.model.Fixtures.screeningPhase;
import static org.kapsdk.core.model.Fixtures.session;
import static org.kapsdk.core.model.Fixtures.systolicAbove;
import static org.kapsdk.core.model.Fixtures.template;
import static org.kapsdk.core.model.Fixtures.templateWith;
import static org.kapsdk.core.model.Fixtures.templateWithInduction;
import static org.kapsdk.core.model.Fixtures.timingAfter;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kapsdk.core.internal.DeferredValidation;

/** The template's own attributes and every cross-reference check. */
class ProtocolTemplateChecksTest {

  /* ------------------------------------------------------------------ own attributes */

  @Test
  void build_withUpperCaseId_rejectsId() {
    assertProblems(() -> template().id("Esketamine TRD").build())
        .containsExactly(
            tuple(
                "id",
                "'Esketamine TRD' is not a valid id; use lower-case letters, digits, '.', '_' or '-'"
                    + " (at most 64 characters)"));
  }

  @Test
  void build_withIdOf65Characters_rejectsId() {
    String id = "a".repeat(65);

    assertProblems(() -> template().id(id).build())
        .containsExactly(
            tuple(
                "id",
                "'" + id + "' is not a valid id; use lower-case letters, digits, '.', '_' or '-'"
                    + " (at most 64 characters)"));
  }

  @Test
  void build_withIdOf64Characters_accepts() {
    assertThat(template().id("a".repeat(64)).build().id()).hasSize(64);
  }

  @Test
  void build_withBlankId_reportsBlankOnly() {
    assertProblems(() -> template().id("  ").build())
        .containsExactly(tuple("id", "must not be blank"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1.0.0 "})
  void build_withNonSemanticVersion_rejectsVersion(String version) {
    assertProblems(() -> template().version(version).build())
        .containsExactly(
            tuple("version", "'" + version + "' is not a semantic version such as 1.0.0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0", "1.0.0-rc.1", "1.0.0-alpha-2.0a+build.5", "10.20.30+sha.5114f85"})
  void build_withSemanticVersion_accepts(String version) {
    assertThat(template().version(version).build().version()).isEqualTo(version);
  }

  @Test
  void build_withBlankTitle_rejectsTitle() {
    assertProblems(() -> template().title("").build())
        .containsExactly(tuple("title", "must not be blank"));
  }

  @Test
  void build_withBlankDescription_rejectsDescription() {
    assertProblems(() -> template().description(" \t").build())
        .containsExactly(tuple("description", "must not be blank"));
  }

  @Test
  void build_withoutIndications_rejectsEmptyList() {
    assertProblems(() -> template().indications(List.of()).build())
        .containsExactly(tuple("indications", "must not be empty"));
  }

  @Test
  void build_withoutPhases_rejectsEmptyList() {
    assertProblems(() -> template().phases(List.of()).rules(List.of()).build())
        .containsExactly(tuple("phases", "must not be empty"));
  }

  /* ------------------------------------------------------------------ duplicate ids */

  @Test
  void build_withDuplicateEvidenceKey_reportsSecondKey() {
    assertProblems(() -> template().addEvidence(evidence("label").build()).build())
        .containsExactly(
            tuple("evidence[2].key", "duplicate evidence key 'label' (first used at evidence[0].key)"));
  }

  @Test
  void build_withDuplicatePhaseId_reportsSecondPhase() {
    Phase again = phase("screening", session("visit", SessionKind.ASSESSMENT).build()).build();

    assertProblems(() -> templateWith(screeningPhase(), inductionPhase(), again).build())
        .containsExactly(
            tuple("phases[2].id", "duplicate phase id 'screening' (first used at phases[0].id)"));
  }

  @Test
  void build_withDuplicateSessionIdAcrossPhases_reportsSecondSession() {
    assertProblems(() -> templateWithInduction(session("screen", SessionKind.ASSESSMENT).build()).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[0].id",
                "duplicate session id 'screen' (first used at phases[0].sessions[0].id)"));
  }

  @Test
  void build_withDuplicateIntegrationStepIdAcrossSessions_reportsSecondStep() {
    SessionTemplate second =
        dosingSession("dose-2")
            .integrationSteps(List.of(integrationStep("dose-integration").build()))
            .build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), second).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[1].integrationSteps[0].id",
                "duplicate integration step id 'dose-integration'"
                    + " (first used at phases[1].sessions[0].integrationSteps[0].id)"));
  }

  @Test
  void build_withTemplateRuleReusingSessionRuleId_reportsTemplateRule() {
    assertProblems(
            () ->
                template()
                    .rules(List.of(rule("dose-bp", Gate.ELIGIBILITY).forbid(Fixtures.pregnancy()).build()))
                    .build())
        .containsExactly(
            tuple(
                "rules[0].id",
                "duplicate rule id 'dose-bp' (first used at phases[1].sessions[0].rules[0].id)"));
  }

  @Test
  void build_withTwoTemplateRulesSharingId_reportsSecondRule() {
    Rule rule = rule("same", Gate.ELIGIBILITY).forbid(Fixtures.pregnancy()).build();

    assertProblems(() -> template().rules(List.of(rule, rule)).build())
        .containsExactly(tuple("rules[1].id", "duplicate rule id 'same' (first used at rules[0].id)"));
  }

  /* ------------------------------------------------------------------ dangling references */

  @Test
  void build_withRuleCitingUnknownEvidence_reportsReference() {
    Rule rule = rule("r", Gate.ELIGIBILITY).addEvidence("guideline-x").forbid(Fixtures.pregnancy()).build();

    assertProblems(() -> template().rules(List.of(rule)).build())
        .containsExactly(
            tuple(
                "rules[0].evidence[1]",
                "refers to evidence 'guideline-x', which the template does not define"));
  }

  @Test
  void build_withSessionRuleCitingUnknownEvidence_reportsFullPath() {
    SessionTemplate dose =
        dosingSession("dose")
            .rules(
                List.of(
                    rule("bp", Gate.PRE_DOSE)
                        .evidence(List.of("nowhere"))
                        .forbid(systolicAbove("140 mmHg"))
                        .build()))
            .build();

    assertProblems(() -> templateWithInduction(dose).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[0].rules[0].evidence[0]",
                "refers to evidence 'nowhere', which the template does not define"));
  }

  @Test
  void build_withRuleNamingUnknownPhase_reportsReference() {
    Rule rule = rule("r", Gate.COURSE).addPhase("maintenance").forbid(Fixtures.pregnancy()).build();

    assertProblems(() -> template().rules(List.of(rule)).build())
        .containsExactly(
            tuple(
                "rules[0].phases[0]",
                "refers to phase 'maintenance', which the template does not define"));
  }

  @Test
  void build_withSessionIntervalNamingUnknownSession_reportsReference() {
    Rule rule =
        rule("r", Gate.COURSE)
            .require(SessionInterval.builder().session("booster").atLeast(d("1 d")).build())
            .build();

    assertProblems(() -> template().rules(List.of(rule)).build())
        .containsExactly(
            tuple(
                "rules[0].require.session",
                "refers to session 'booster', which the template does not define"));
  }

  @Test
  void build_withSessionIntervalNamingAbsentSessionKind_reportsReference() {
    Rule rule =
        rule("r", Gate.COURSE)
            .require(
                SessionInterval.builder().sinceKind(SessionKind.INTEGRATION).atLeast(d("1 d")).build())
            .build();

    assertProblems(() -> template().rules(List.of(rule)).build())
        .containsExactly(
            tuple(
                "rules[0].require.sinceKind",
                "refers to session kind INTEGRATION, which no session of the template has"));
  }

  @Test
  void build_withSessionIntervalNamingSessionInTemplateWithoutDosing_ignoresDefaultKind() {
    Rule rule =
        rule("r", Gate.COURSE)
            .require(SessionInterval.builder().session("screen").atMost(d("4 wk")).build())
            .build();

    ProtocolTemplate template = templateWith(screeningPhase()).addRule(rule).build();

    assertThat(template.rules()).containsExactly(rule);
  }

  @Test
  void build_withSessionIntervalOnDefaultKindInTemplateWithoutDosing_reportsKind() {
    Rule rule =
        rule("r", Gate.COURSE)
            .require(SessionInterval.builder().atMost(d("4 wk")).build())
            .build();

    assertProblems(() -> templateWith(screeningPhase()).addRule(rule).build())
        .containsExactly(
            tuple(
                "rules[0].require.sinceKind",
                "refers to session kind DOSING, which no session of the template has"));
  }

  @Test
  void build_withDanglingSessionIntervalInsideNotAndAllOf_reportsNestedPath() {
    Condition nested =
        Not.builder()
            .condition(
                AllOf.builder()
                    .addCondition(Fixtures.pregnancy())
                    .addCondition(
                        SessionInterval.builder()
                            .sinceKind(SessionKind.PREPARATION)
                            .atMost(d("1 wk"))
                            .build())
                    .build())
            .build();
    Rule rule = rule("r", Gate.COURSE).forbid(nested).build();

    assertProblems(() -> template().rules(List.of(rule)).build())
        .containsExactly(
            tuple(
                "rules[0].forbid.condition.conditions[1].sinceKind",
                "refers to session kind PREPARATION, which no session of the template has"));
  }

  @Test
  void build_withDanglingSessionIntervalInAnyOf_reportsNestedPath() {
    Condition any =
        AnyOf.builder()
            .addCondition(Fixtures.pregnancy())
            .addCondition(SessionInterval.builder().session("ghost").atMost(d("1 wk")).build())
            .build();
    Rule rule = rule("r", Gate.COURSE).forbid(any).build();

    assertProblems(() -> template().rules(List.of(rule)).build())
        .containsExactly(
            tuple(
                "rules[0].forbid.conditions[1].session",
                "refers to session 'ghost', which the template does not define"));
  }

  @Test
  void build_withEndsWhenNamingUnknownSession_reportsReference() {
    SessionTemplate dose =
        dosingSession("dose")
            .monitoring(
                Fixtures.monitoring()
                    .endsWhen(SessionInterval.builder().session("ghost").atLeast(d("2 h")).build())
                    .build())
            .build();

    assertProblems(() -> templateWithInduction(dose).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[0].monitoring.endsWhen.session",
                "refers to session 'ghost', which the template does not define"));
  }

  @Test
  void build_withAnchorOnUnknownSession_reportsAnchor() {
    SessionTemplate followUp =
        session("follow-up", SessionKind.FOLLOW_UP).timing(timingAfter("booster").build()).build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), followUp).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[1].timing.anchor.session",
                "refers to session 'booster', which the template does not define"));
  }

  @Test
  void build_withSessionAnchoredToItself_reportsAnchorOnce() {
    SessionTemplate followUp =
        session("follow-up", SessionKind.FOLLOW_UP).timing(timingAfter("follow-up").build()).build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), followUp).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[1].timing.anchor.session",
                "a session cannot be anchored to itself"));
  }

  @Test
  void build_withTwoSessionsAnchoredToEachOther_reportsCycleOnce() {
    SessionTemplate a = session("a", SessionKind.FOLLOW_UP).timing(timingAfter("b").build()).build();
    SessionTemplate b = session("b", SessionKind.FOLLOW_UP).timing(timingAfter("a").build()).build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), a, b).build())
        .containsExactly(
            tuple("phases[1].sessions[1].timing.anchor.session", "anchors form a cycle: a -> b -> a"));
  }

  @Test
  void build_withThreeSessionCycle_reportsCycleOnce() {
    SessionTemplate a = session("a", SessionKind.FOLLOW_UP).timing(timingAfter("c").build()).build();
    SessionTemplate b = session("b", SessionKind.FOLLOW_UP).timing(timingAfter("a").build()).build();
    SessionTemplate c = session("c", SessionKind.FOLLOW_UP).timing(timingAfter("b").build()).build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), a, b, c).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[1].timing.anchor.session",
                "anchors form a cycle: a -> c -> b -> a"));
  }

  @Test
  void build_withChainLeadingIntoCycle_reportsOnlyTheCycle() {
    SessionTemplate tail = session("tail", SessionKind.FOLLOW_UP).timing(timingAfter("a").build()).build();
    SessionTemplate a = session("a", SessionKind.FOLLOW_UP).timing(timingAfter("b").build()).build();
    SessionTemplate b = session("b", SessionKind.FOLLOW_UP).timing(timingAfter("a").build()).build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), tail, a, b).build())
        .containsExactly(
            tuple("phases[1].sessions[2].timing.anchor.session", "anchors form a cycle: a -> b -> a"));
  }

  @Test
  void build_withAnchorChainWithoutCycle_accepts() {
    SessionTemplate a = session("a", SessionKind.FOLLOW_UP).timing(timingAfter("dose").build()).build();
    SessionTemplate b = session("b", SessionKind.FOLLOW_UP).timing(timingAfter("a").build()).build();

    assertThat(templateWithInduction(dosingSession("dose").build(), a, b).build().sessions())
        .extracting(SessionTemplate::id)
        .containsExactly("screen", "dose", "a", "b");
  }

  @Test
  void build_withIntervalAfterAbsentSessionKind_reportsInterval() {
    SessionTemplate followUp =
        session("follow-up", SessionKind.FOLLOW_UP)
            .timing(
                timingAfter("dose")
                    .addInterval(
                        IntervalConstraint.builder().after(SessionKind.INTEGRATION).min(d("1 d")).build())
                    .build())
            .build();

    assertProblems(() -> templateWithInduction(dosingSession("dose").build(), followUp).build())
        .containsExactly(
            tuple(
                "phases[1].sessions[1].timing.intervals[0].after",
                "refers to session kind INTEGRATION, which no session of the template has"));
  }

  /* ------------------------------------------------------------------ every problem at once */

  @Test
  void build_withProblemsInFourPlaces_reportsAllOfThemInOneException() {
    Phase duplicate = phase("screening", session("visit", SessionKind.ASSESSMENT).build()).build();
    SessionTemplate followUp =
        session("follow-up", SessionKind.FOLLOW_UP).timing(timingAfter("booster").build()).build();
    Rule unknownEvidence =
        rule("r", Gate.ELIGIBILITY).evidence(List.of("nowhere")).forbid(Fixtures.pregnancy()).build();

    assertProblems(
            () ->
                templateWith(
                        screeningPhase(),
                        phase("induction", dosingSession("dose").build(), followUp).build(),
                        duplicate)
                    .version("1.0")
                    .addRule(unknownEvidence)
                    .build())
        .containsExactly(
            tuple("version", "'1.0' is not a semantic version such as 1.0.0"),
            tuple("phases[2].id", "duplicate phase id 'screening' (first used at phases[0].id)"),
            tuple(
                "rules[0].evidence[0]",
                "refers to evidence 'nowhere', which the template does not define"),
            tuple(
                "phases[1].sessions[1].timing.anchor.session",
                "refers to session 'booster', which the template does not define"));
  }

  @Test
  void build_withNestedValuesBuiltWhileDeferred_reportsNestedProblemsWithFullPaths() {
    Phase induction =
        DeferredValidation.run(
            () ->
                phase(
                        "induction",
                        dosingSession("dose")
                            .dosing(dosing().maxPerSession(q("1 mg/kg")).build())
                            .duration(d("0 min"))
                            .build())
                    .build());

    assertProblems(() -> templateWith(screeningPhase(), induction).id("Bad Id").build())
        .containsExactly(
            tuple(
                "id",
                "'Bad Id' is not a valid id; use lower-case letters, digits, '.', '_' or '-'"
                    + " (at most 64 characters)"),
            tuple("phases[1].sessions[0].duration", "must be longer than zero"),
            tuple("phases[1].sessions[0].dosing.maxPerSession", "unit mg/kg does not fit here; expected mg"));
  }

  @Test
  void build_withIndicationBuiltWhileDeferred_reportsIndicationPath() {
    Code bad = DeferredValidation.run(() -> Code.of("snomed", "370143000", "MDD"));

    assertProblems(() -> template().indications(List.of(Codes.PTSD, bad)).build())
        .containsExactly(tuple("indications[1].system", "must be a URI such as http://loinc.org"));
  }

  @Test
  void problemsOf_valueBuiltWhileDeferred_returnsProblemsWithoutThrowing() {
    FixedDose dose = DeferredValidation.run(() -> FixedDose.builder().amount(q("0 mg")).build());

    assertThat(StructuralChecks.problemsOf(dose))
        .extracting(p -> p.path() + ": " + p.message())
        .containsExactly("amount: must be positive");
  }

  @Test
  void problemsOf_nonModelValue_throwsIllegalArgument() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StructuralChecks.problemsOf("text"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a model value: String");
  }

  @Test
  void build_withFollowUpAnchoredToDose_keepsAnchor() {
    assertThat(followUpSession().timing().flatMap(Timing::anchor).map(Anchor::session)).contains("dose");
  }
}
