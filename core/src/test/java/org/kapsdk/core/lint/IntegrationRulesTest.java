package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.d;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintSeverity.INFO;
import static org.kapsdk.core.lint.LintSeverity.WARNING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;

/** KAP-L013 to KAP-L015: what follows a dose. */
class IntegrationRulesTest {
  private static final String INDUCTION = "phases[1].sessions[0]";

  private static ProtocolTemplate inductionStep(String earliest, String latest) {
    return LintFixtures.withInduction(s -> s.integrationSteps(List.of(
        LintFixtures.step("induction-integration").earliest(d(earliest)).latest(d(latest)).build(),
        LintFixtures.form("induction-form"))));
  }

  @Test
  void l013_dosingSessionWithoutIntegrationStep_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.integrationSteps(List.of()));

    assertThat(findings(broken, "KAP-L013")).containsExactly(tuple(WARNING, INDUCTION + ".integrationSteps",
        "dosing session induction-dose has no integration step: nothing is due after the dose to follow up on the experience"));
    assertThat(findings(LintFixtures.template().build(), "KAP-L013")).isEmpty();
  }

  @Test
  void l013_aFormAloneCounts() {
    ProtocolTemplate formOnly = LintFixtures.withInduction(s -> s.integrationSteps(List.of(LintFixtures.form("induction-form"))));

    assertThat(findings(formOnly, "KAP-L013")).isEmpty();
  }

  @Test
  void l014_stepThatCannotStartBeforeTheNextDose_fires() {
    ProtocolTemplate broken = inductionStep("4 d", "5 d");

    assertThat(findings(broken, "KAP-L014")).containsExactly(tuple(WARNING, INDUCTION + ".integrationSteps[0].earliest",
        "integration step induction-integration may start 4 d after the dose, but the next dose of induction-dose can fall 3 d"
            + " later (2 times a week): the step can never be done before the next dose"));
    assertThat(findings(broken, "KAP-L015")).as("reported once, by KAP-L014").isEmpty();
    assertThat(findings(inductionStep("1 d", "3 d"), "KAP-L014")).isEmpty();
  }

  @Test
  void l014_earliestEqualToTheGap_fires() {
    assertThat(findings(inductionStep("3 d", "3 d"), "KAP-L014")).hasSize(1);
    assertThat(findings(inductionStep("71 h", "3 d"), "KAP-L014")).isEmpty();
  }

  @Test
  void l014_formsAreAdministrativeDeadlines() {
    ProtocolTemplate lateForm = LintFixtures.withInduction(s -> s.integrationSteps(List.of(
        LintFixtures.step("induction-integration").build(),
        IntegrationStep.builder().id("induction-form").kind(IntegrationKind.FORM).title("Form")
            .earliest(d("4 d")).latest(d("7 d")).build())));

    assertThat(findings(lateForm, "KAP-L014")).isEmpty();
    assertThat(findings(lateForm, "KAP-L015")).isEmpty();
  }

  @Test
  void l014_measuresTheShortestGapOfTheSessionsOwnPattern() {
    ProtocolTemplate every10Days = LintFixtures.withInduction(s -> s
        .repeat(Repeat.builder().every(d("10 d")).occurrences(4).build())
        .timing(LintFixtures.induction().build().timing().orElseThrow())
        .integrationSteps(List.of(LintFixtures.step("induction-integration").earliest(d("9 d")).latest(d("12 d")).build())));

    assertThat(findings(every10Days, "KAP-L014")).isEmpty();
    assertThat(findings(every10Days, "KAP-L015")).containsExactly(tuple(INFO, INDUCTION + ".integrationSteps[0].latest",
        "integration step induction-integration is due up to 12 d after the dose, but the next dose of induction-dose can fall"
            + " 10 d later (every 10 d): the step may be left until after the next dose"));
  }

  @Test
  void l014_singleDosingSession_hasNoNextDoseToCompareWith() {
    ProtocolTemplate once = LintFixtures.withInduction(s -> s.repeat(java.util.Optional.empty()).count(1)
        .integrationSteps(List.of(LintFixtures.step("induction-integration").earliest(d("2 wk")).latest(d("3 wk")).build())));

    assertThat(findings(once, "KAP-L014")).isEmpty();
    assertThat(findings(once, "KAP-L015")).isEmpty();
  }

  @Test
  void l015_stepWhoseWindowReachesPastTheNextDose_informs() {
    ProtocolTemplate broken = inductionStep("1 d", "5 d");

    assertThat(findings(broken, "KAP-L015")).containsExactly(tuple(INFO, INDUCTION + ".integrationSteps[0].latest",
        "integration step induction-integration is due up to 5 d after the dose, but the next dose of induction-dose can fall"
            + " 3 d later (2 times a week): the step may be left until after the next dose"));
    assertThat(findings(inductionStep("1 d", "3 d"), "KAP-L015")).isEmpty();
  }
}
