package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.lint.LintFinding;
import org.kapsdk.core.lint.LintReport;
import org.kapsdk.core.lint.LintSeverity;

class AuthorAndLintTest {

  @Test
  void run_roundTripsTheReadmeTemplate_listsEveryBuildProblem_andTheLinterErrorGoesWithTheFix() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LintReport[] reports = AuthorAndLint.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .startsWith("YAML round trip equal: true\n")
        .contains("id: kap-intake-demo\n", "      - id: screening\n        kind: SCREENING\n")
        .contains(
            "a broken template reports 3 problems at build():\n"
                + "  id: 'Not A Valid Id' is not a valid id; use lower-case letters, digits, '.', '_' or '-' (at most 64 characters)\n"
                + "  version: '1.0' is not a semantic version such as 1.0.0\n"
                + "  phases: must not be empty\n"
                + "lint, first draft: ");
    assertThat(reports[0].findings()).extracting(LintFinding::id, LintFinding::severity, LintFinding::path)
        .containsExactly(tuple(
            "KAP-L007", LintSeverity.ERROR, "phases[0].sessions[0].monitoring"));
    assertThat(reports[1].isClean()).isTrue();
    assertThat(out).contains(
        "lint, first draft: 1 errors, 0 warnings, 0 infos\n"
            + "  ERROR KAP-L007: phases[0].sessions[0].monitoring: dosing session induction-dose has no monitoring plan",
        "lint, with a monitoring plan: 0 errors, 0 warnings, 0 infos\n");
  }

  @Test
  void template_withAndWithoutMonitoring_differOnlyInTheMonitoringPlan() {
    assertThat(AuthorAndLint.template(false).phases().get(0).sessions().get(0).monitoring()).isEmpty();
    assertThat(AuthorAndLint.template(true).phases().get(0).sessions().get(0).monitoring()).isPresent();
    assertThat(AuthorAndLint.template(true).rules()).isEqualTo(AuthorAndLint.template(false).rules());
  }
}
