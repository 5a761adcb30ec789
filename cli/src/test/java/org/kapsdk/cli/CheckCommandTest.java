package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  static final String TEMPLATE = resource("check", "template.yaml");
  static final String AT = "2026-01-05T09:00:00Z";

  /** {@code kapsdk check TEMPLATE --facts check/FACTS --gate PRE_DOSE --session s1 --planned-dose "56 mg" --at T0 EXTRA…}. */
  static Cli preDose(String facts, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check", TEMPLATE, "--facts", resource("check", facts), "--gate", "PRE_DOSE",
                "--session", "s1", "--planned-dose", "56 mg", "--at", AT));
    args.addAll(List.of(extra));
    return kapsdk(args.toArray(String[]::new));
  }

  private static final List<String> BP_PASS_BLOCK =
      List.of(
          "PASS  BP-PRE  severity BLOCK",
          "  message:    Passed: Systolic blood pressure 128 mmHg at 2026-01-05T08:55:00Z",
          "  threshold:  must not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)",
          "  facts used: Systolic blood pressure  128 mmHg  at 2026-01-05T08:55:00Z",
          "  evidence:   PI: Spravato PI, section 2.3 (US)");

  private static final List<String> MAX_DOSE_PASS_BLOCK =
      List.of(
          "PASS  dose#maxPerSession  severity BLOCK",
          "  message:    Passed: planned dose 56 mg",
          "  threshold:  must hold: at most 84 mg in this session",
          "  facts used: planned dose  56 mg",
          "  evidence:   none: a limit the gate derives from the session template's dosing spec");

  private static List<String> lines(List<?>... parts) {
    List<String> all = new ArrayList<>();
    for (List<?> part : parts) {
      part.forEach(line -> all.add((String) line));
    }
    return all;
  }

  @Test
  void check_everythingInOrder_exits0WithProceedAndEveryFinding() {
    Cli run = preDose("facts-ready.yaml");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            lines(
                List.of(
                    "PROCEED: gate PRE_DOSE at 2026-01-05T09:00:00Z",
                    "  template:   cli-check 1.2.0",
                    "  session:    s1",
                    "  dose:       56 mg",
                    "  findings:   3 rules evaluated: 3 PASS",
                    ""),
                BP_PASS_BLOCK,
                List.of(
                    "",
                    "PASS  FOOD-2H  severity WARN",
                    "  message:    Passed: time since 'last-food' 3 h at 2026-01-05T06:00:00Z",
                    "  threshold:  must hold: 'last-food' recorded, at least 2 h ago",
                    "  facts used: time since 'last-food'  3 h  at 2026-01-05T06:00:00Z",
                    "  evidence:   LOCAL: Clinic fasting policy (draft) (unconfirmed)",
                    ""),
                MAX_DOSE_PASS_BLOCK));
  }

  @Test
  void check_warningRuleFails_exits1WithWarningFirst() {
    Cli run = preDose("facts-early-food.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            lines(
                List.of(
                    "PROCEED_WITH_WARNINGS: gate PRE_DOSE at 2026-01-05T09:00:00Z",
                    "  template:   cli-check 1.2.0",
                    "  session:    s1",
                    "  dose:       56 mg",
                    "  findings:   3 rules evaluated: 1 FAIL, 2 PASS",
                    "  warnings:   FOOD-2H",
                    "",
                    "FAIL  FOOD-2H  severity WARN",
                    "  message:    Last food 1 h ago; at least 2 h is required",
                    "  threshold:  must hold: 'last-food' recorded, at least 2 h ago",
                    "  facts used: time since 'last-food'  1 h  at 2026-01-05T08:00:00Z",
                    "  evidence:   LOCAL: Clinic fasting policy (draft) (unconfirmed)",
                    ""),
                BP_PASS_BLOCK,
                List.of(""),
                MAX_DOSE_PASS_BLOCK));
  }

  @Test
  void check_highReading_exits1BlockedWithTheBlockingFindingFirst() {
    Cli run = preDose("facts-high-bp.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            lines(
                List.of(
                    "BLOCKED: gate PRE_DOSE at 2026-01-05T09:00:00Z",
                    "  template:   cli-check 1.2.0",
                    "  session:    s1",
                    "  dose:       56 mg",
                    "  findings:   3 rules evaluated: 2 FAIL, 1 PASS",
                    "  blocked by: BP-PRE",
                    "  warnings:   FOOD-2H",
                    "",
                    "FAIL  BP-PRE  severity BLOCK, blocks the verdict",
                    "  message:    Systolic 152 mmHg is above 140 mmHg",
                    "  threshold:  must not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)",
                    "  facts used: Systolic blood pressure  152 mmHg  at 2026-01-05T08:55:00Z",
                    "  evidence:   PI: Spravato PI, section 2.3 (US)",
                    "",
                    "FAIL  FOOD-2H  severity WARN",
                    "  message:    Last food 1 h ago; at least 2 h is required",
                    "  threshold:  must hold: 'last-food' recorded, at least 2 h ago",
                    "  facts used: time since 'last-food'  1 h  at 2026-01-05T08:00:00Z",
                    "  evidence:   LOCAL: Clinic fasting policy (draft) (unconfirmed)",
                    ""),
                MAX_DOSE_PASS_BLOCK));
  }

  @Test
  void check_staleReading_isUnknownAndSaysWhatIsMissing() {
    Cli run = preDose("facts-stale-bp.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().subList(0, 12))
        .containsExactly(
            "BLOCKED: gate PRE_DOSE at 2026-01-05T09:00:00Z",
            "  template:   cli-check 1.2.0",
            "  session:    s1",
            "  dose:       56 mg",
            "  findings:   3 rules evaluated: 1 UNKNOWN, 2 PASS",
            "  blocked by: BP-PRE",
            "",
            "UNKNOWN  BP-PRE  severity BLOCK, blocks the verdict",
            "  message:    Cannot be evaluated, missing: Systolic blood pressure reading no older than"
                + " 1 h (latest is 3 h old). The rule checks that it does not hold: Systolic blood"
                + " pressure > 140 mmHg (reading within 1 h)",
            "  threshold:  must not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)",
            "  missing:    Systolic blood pressure reading no older than 1 h (latest is 3 h old)",
            "  evidence:   PI: Spravato PI, section 2.3 (US)");
    assertThat(run.outLines().get(13)).isEqualTo("PASS     FOOD-2H  severity WARN");
  }

  @Test
  void check_acceptedOverride_showsOverriddenWithWhoAndWhy() {
    Cli run = preDose("facts-stale-bp.yaml", "--override", resource("check", "overrides-bp.yaml"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().subList(0, 13))
        .containsExactly(
            "PROCEED_WITH_WARNINGS: gate PRE_DOSE at 2026-01-05T09:00:00Z",
            "  template:   cli-check 1.2.0",
            "  session:    s1",
            "  dose:       56 mg",
            "  findings:   3 rules evaluated: 1 OVERRIDDEN, 2 PASS",
            "  overridden: BP-PRE",
            "",
            "OVERRIDDEN  BP-PRE  severity BLOCK, overridden (evaluated UNKNOWN)",
            "  message:    Cannot be evaluated, missing: Systolic blood pressure reading no older than"
                + " 1 h (latest is 3 h old). The rule checks that it does not hold: Systolic blood"
                + " pressure > 140 mmHg (reading within 1 h)",
            "  threshold:  must not hold: Systolic blood pressure > 140 mmHg (reading within 1 h)",
            "  missing:    Systolic blood pressure reading no older than 1 h (latest is 3 h old)",
            "  evidence:   PI: Spravato PI, section 2.3 (US)",
            "  override:   by prescriber c-17 at 2026-01-05T08:58:00Z: Reading repeated by hand at"
                + " 08:58, 132 mmHg; device upload pending");
  }

  @Test
  void check_overrideOfANonOverridableRule_exits2NamingTheOverridesFile() {
    String overrides = resource("check", "overrides-max-dose.yaml");

    Cli run = preDose("facts-ready.yaml", "--override", overrides);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            overrides + ": overrides[0].ruleId: rule 'dose#maxPerSession' is not overridable");
  }

  @Test
  void check_overrideOfARuleOfAnotherGate_exits2() {
    String overrides = resource("check", "overrides-bp.yaml");

    Cli run =
        kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate",
            "ELIGIBILITY", "--at", AT, "--override", overrides);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            overrides + ": overrides[0].ruleId: rule 'BP-PRE' is not evaluated at gate ELIGIBILITY");
  }

  @Test
  void check_overridesFileWithUnknownFieldsAndNoList_reportsEveryProblemWithLineAndColumn() {
    String facts = resource("check", "facts-ready.yaml");

    Cli run = preDose("facts-ready.yaml", "--override", facts);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    String expected = "; expected one of overrides";
    assertThat(run.errLines())
        .containsExactly(
            facts + ":2:1: patientId: unknown field 'patientId'" + expected,
            facts + ":2:1: overrides: is required: list the overrides under 'overrides:'",
            facts + ":3:1: ageYears: unknown field 'ageYears'" + expected,
            facts + ":4:1: observations: unknown field 'observations'" + expected,
            facts + ":6:1: attestations: unknown field 'attestations'" + expected,
            facts + ":8:1: sessions: unknown field 'sessions'" + expected);
  }

  @Test
  void check_missingFactsFile_exits2() {
    String missing = resource("check", "no-such-facts.yaml");

    Cli run = preDose("no-such-facts.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly(missing + ": file not found");
  }

  @Test
  void check_invalidFacts_exits2WithEveryProblemAtItsLineAndColumn() {
    String facts = resource("check", "facts-invalid.yaml");

    Cli run = preDose("facts-invalid.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            facts + ":3:1: agee: unknown field 'agee'; expected one of ageYears, assessments,"
                + " attestations, conditions, medications, observations, patientId, pregnancy,"
                + " sessions",
            facts + ":5:82: observations[0].site: unknown field 'site'; expected one of at, code,"
                + " value",
            facts + ":7:67: assessments[0].items[8]: must lie within the item range 0 to 3");
  }

  @Test
  void check_malformedFacts_exits2WithLineAndColumn() {
    String facts = resource("check", "facts-malformed.yaml");

    Cli run = preDose("facts-malformed.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            facts + ":6:1: sessions: unexpected end of document: the file is truncated, or the"
                + " quote or bracket opened at 5:24 is never closed");
  }

  @Test
  void check_badGateInstantAndDose_reportsEveryProblem() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate",
            "PREDOSE", "--at", "yesterday", "--planned-dose", "56mg");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "--at: 'yesterday' is not an ISO-8601 instant such as 2026-01-05T09:00:00Z",
            "--gate: 'PREDOSE' is not a gate; expected one of ELIGIBILITY, PRE_DOSE,"
                + " DURING_SESSION, DISCHARGE, COURSE",
            "--planned-dose: '56mg': expected a quantity such as '56 mg': a number, a space and a"
                + " unit (mg, mg/kg, kg, lb, mmHg, /min, %, Cel, kg/m2, s, min, h, d, wk, {score})");
  }

  @Test
  void check_gateNameIgnoresCaseAndDashes() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate",
            "eligibility", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0)).isEqualTo("PROCEED: gate ELIGIBILITY at 2026-01-05T09:00:00Z");
    assertThat(run.outLines().get(2)).isEqualTo("  findings:   2 rules evaluated: 2 PASS");
  }

  @Test
  void check_sessionGateWithoutSession_exits2NamingTheOption() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate",
            "pre-dose", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("--session: gate PRE_DOSE needs the current session's occurrence id");
  }

  @Test
  void check_factsNamingASessionTemplateTheProtocolLacks_exits2AtTheLineInTheFactsFile(@TempDir Path dir) throws Exception {
    Path facts = dir.resolve("facts.yaml");
    Files.writeString(facts, Files.readString(Path.of(resource("check", "facts-ready.yaml")))
        .replace("{id: s1, template: dose,", "{id: s1, template: doze,"));

    Cli run = kapsdk("check", TEMPLATE, "--facts", facts.toString(), "--gate", "PRE_DOSE", "--session", "s1",
        "--planned-dose", "56 mg", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(facts + ":9:14: sessions[0].template: names session template 'doze',"
        + " which protocol 'cli-check' does not define");
  }

  @Test
  void check_sessionNotInTheFacts_exits2() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate",
            "PRE_DOSE", "--session", "s9", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("--session: session 's9' is not among the facts' sessions");
  }

  @Test
  void check_protocolThatIsNeitherAFileNorABuiltIn_exits2NamingTheBuiltIns() {
    Cli run =
        kapsdk("check", "esketamine-trd", "--facts", resource("check", "facts-ready.yaml"),
            "--gate", "ELIGIBILITY", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "esketamine-trd: neither a template file (.yaml, .yml, .json) nor a built-in protocol id; the"
                + " built-ins are " + ProtocolArgument.ids() + " (kapsdk list)");
  }

  @Test
  void check_missingTemplateAndFacts_reportsBoth() {
    String template = resource("check", "no-such-template.yaml");
    String facts = resource("check", "no-such-facts.yaml");

    Cli run = kapsdk("check", template, "--facts", facts, "--gate", "COURSE", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(template + ": file not found", facts + ": file not found");
  }

  @Test
  void check_withoutFacts_isAUsageError() {
    Cli run = kapsdk("check", TEMPLATE, "--gate", "PRE_DOSE");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines().get(0))
        .isEqualTo("kapsdk check: Missing required option: '--facts=FILE'");
    assertThat(run.errLines()).last().isEqualTo("Try 'kapsdk check --help' for more information.");
  }

  @Test
  void check_withoutAt_usesTheCurrentTime() {
    Cli run =
        kapsdk("check", TEMPLATE, "--facts", resource("check", "facts-ready.yaml"), "--gate",
            "ELIGIBILITY");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0)).startsWith("PROCEED: gate ELIGIBILITY at ");
    Instant at =
        Instant.parse(run.outLines().get(0).substring("PROCEED: gate ELIGIBILITY at ".length()));
    assertThat(at).isBetween(Instant.now().minusSeconds(600), Instant.now());
  }
}
