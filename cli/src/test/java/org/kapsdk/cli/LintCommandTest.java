package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.lint.LintRule;
import org.kapsdk.core.lint.Linter;

class LintCommandTest {
  private static final String CLEAN = resource("lint", "clean.yaml");
  private static final String BROKEN = resource("lint", "broken.yaml");
  private static final String SAMPLE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml").toString();
  private static final String PROFILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml").toString();
  private static final String INVALID = fixture("invalid.yaml");

  private static final String CLEAN_SUMMARY = "CLEAN " + CLEAN + "  lint-clean 1.0.0";
  static final List<String> BROKEN_LINES = List.of(
      "FINDINGS " + BROKEN + "  1 error, 1 warning, 1 info",
      BROKEN + ":48:82: WARNING KAP-L014: phases[1].sessions[0].integrationSteps[0].earliest: integration step integration may"
          + " start 4 d after the dose, but the next dose of induction-dose can fall 3 d later (2 times a week): the step can"
          + " never be done before the next dose (fix: make the step's earliest shorter than 3 d, or space the doses further"
          + " apart)",
      BROKEN + ":30:9: ERROR KAP-L007: phases[1].sessions[0].monitoring: dosing session induction-dose has no monitoring plan:"
          + " nothing says what is observed after the dose or for how long (fix: add a monitoring plan with a minimumDuration"
          + " and the observations taken (blood pressure, pulse oximetry))",
      BROKEN + ":69:7: INFO KAP-L011: rules[1].forbid.code: PRE_DOSE rule HR-PRE reads Heart rate (8867-4), which no"
          + " monitoring plan takes: the template does not say when it is measured, so the host must record it before the gate"
          + " asks (fix: make sure the clinic records Heart rate (8867-4) within the rule's maxAge before each evaluation)");

  @Test
  void lint_cleanTemplate_exits0WithOneLine() {
    Cli run = kapsdk("lint", CLEAN);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).containsExactly(CLEAN_SUMMARY);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void lint_brokenTemplate_exits1WithEveryFindingAtItsLine() {
    Cli run = kapsdk("lint", BROKEN);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).containsExactlyElementsOf(BROKEN_LINES);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void lint_warningsOnly_exits0() {
    Cli run = kapsdk("lint", SAMPLE, "--profile", PROFILE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).containsExactly(
        "FINDINGS " + SAMPLE + "  0 errors, 1 warning, 0 infos",
        SAMPLE + ":777:16: WARNING KAP-L026: rules[20].evidence[0]: BLOCK rule BP-CRISIS-SIGNS cites evidence PI-HTN-CRISIS,"
            + " which is not confirmed: a hard stop rests on a placeholder source (fix: check the source and set confirmed: true"
            + " on evidence PI-HTN-CRISIS, or have the medical director sign off the value)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void lint_severalFiles_lintsEachInOrder() {
    Cli run = kapsdk("lint", CLEAN, BROKEN, CLEAN);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(BROKEN_LINES.size() + 2).startsWith(CLEAN_SUMMARY).endsWith(CLEAN_SUMMARY);
    assertThat(run.outLines().subList(1, BROKEN_LINES.size() + 1)).containsExactlyElementsOf(BROKEN_LINES);
  }

  @Test
  void lint_invalidTemplate_exits2WithItsProblemsOnStderr_andStillLintsTheOthers() {
    Cli run = kapsdk("lint", INVALID, BROKEN);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).hasSize(BROKEN_LINES.size() + 1).startsWith("INVALID " + INVALID + "  3 problems");
    assertThat(run.errLines()).containsExactly(
        INVALID + ":17:5: phases[0].colour: unknown field 'colour';"
            + " expected one of decision, description, id, onMissed, sessions, stepBack, title",
        INVALID + ":27:11: phases[0].sessions[0].dosing.maxPerSession: unit mg/kg does not fit here; expected mg",
        INVALID + ":33:24: phases[0].sessions[0].rules[0].evidence[0]:"
            + " refers to evidence 'LABEL', which the template does not define");
  }

  @Test
  void lint_missingFile_exits2() {
    String missing = resource("lint", "no-such-template.yaml");

    Cli run = kapsdk("lint", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("INVALID " + missing + "  1 problem");
    assertThat(run.errLines()).containsExactly(missing + ": file not found");
  }

  @Test
  void lint_noFiles_isAUsageError() {
    Cli run = kapsdk("lint");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(
        "kapsdk lint: Missing required parameter: 'FILE_OR_ID'",
        "Usage: kapsdk lint [-hV] [--json] [--profile=FILE] FILE_OR_ID...",
        "Try 'kapsdk lint --help' for more information.");
  }

  @Test
  void lint_parameterisedTemplateWithoutProfile_exits2NamingEachUnsetParameter() {
    // Lint judges the values a clinic will run with, so it needs them: no silent defaults.
    Cli run = kapsdk("lint", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("INVALID " + SAMPLE + "  3 problems");
    assertThat(run.errLines()).hasSize(3).first().asString()
        .isEqualTo(SAMPLE + ":106:5: parameters[0]: required parameter 'bp-reading-max-age' is not set; set it in a clinic"
            + " profile (kapsdk --profile FILE); it is used at lines 653, 661");
  }

  @Test
  void lintHelp_listsTheExitCodes() {
    Cli run = kapsdk("lint", "--help");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines()).startsWith("Usage: kapsdk lint [-hV] [--json] [--profile=FILE] FILE_OR_ID...").contains(
        "  0   no ERROR finding (warnings and infos may remain)",
        "  1   an ERROR finding in a file");
  }

  @Test
  void readme_documentsEveryLintRuleWithItsSeverity() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

    for (LintRule rule : Linter.rules()) {
      assertThat(readme).as(rule.id()).contains("| `" + rule.id() + "` | " + rule.severity() + " |");
    }
  }
}
