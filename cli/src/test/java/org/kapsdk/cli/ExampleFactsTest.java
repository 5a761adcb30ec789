package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the commands cli/README.md shows on the sample template and the example facts files, so
 * that the README cannot drift from what the command prints.
 */
class ExampleFactsTest {
  private static final String TEMPLATE =
      Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml").toString();
  private static final String PROFILE =
      Path.of("..", "examples", "profiles", "sample-clinic.yaml").toString();

  private static Cli check(String factsFile) {
    return kapsdk(
        "check", TEMPLATE, "--profile", PROFILE,
        "--facts", Path.of("..", "examples", "facts", factsFile).toString(),
        "--gate", "PRE_DOSE",
        "--session", "induction-3",
        "--planned-dose", "56 mg",
        "--at", "2026-01-05T09:00:00Z");
  }

  @Test
  void highBloodPressure_proceedsWithAWarningExplainingTheReading() {
    Cli run = check("esketamine-pre-dose-high-bp.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().subList(0, 14))
        .containsExactly(
            "PROCEED_WITH_WARNINGS: gate PRE_DOSE at 2026-01-05T09:00:00Z",
            "  template:   esketamine-trd-sample 1.0.0",
            "  session:    induction-3",
            "  dose:       56 mg",
            "  findings:   11 rules evaluated: 1 FAIL, 10 PASS",
            "  warnings:   BP-PRE-ELEVATED",
            "",
            "FAIL  BP-PRE-ELEVATED  severity WARN",
            "  message:    Baseline blood pressure above 140 mmHg or 90 mmHg (Systolic blood"
                + " pressure 152 mmHg, Diastolic blood pressure 82 mmHg): weigh the short-term rise"
                + " against the benefit before dosing.",
            "  threshold:  must hold: not (Systolic blood pressure > 140 mmHg (reading within 1 h)"
                + " or Diastolic blood pressure > 90 mmHg (reading within 1 h))",
            "  facts used: Systolic blood pressure   152 mmHg  at 2026-01-05T08:50:00Z",
            "              Diastolic blood pressure  82 mmHg   at 2026-01-05T08:50:00Z",
            "  evidence:   PI: SPRAVATO (esketamine) nasal spray, US Prescribing Information,"
                + " Janssen (2019 text and later revisions) (US)",
            "");
    assertThat(run.outLines()).filteredOn(line -> line.startsWith("FAIL") || line.startsWith("UNKNOWN"))
        .containsExactly("FAIL  BP-PRE-ELEVATED  severity WARN");
  }

  @Test
  void readyPatient_proceedsWithEveryPreDoseRulePassing() {
    Cli run = check("esketamine-pre-dose-ready.yaml");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().subList(0, 5))
        .containsExactly(
            "PROCEED: gate PRE_DOSE at 2026-01-05T09:00:00Z",
            "  template:   esketamine-trd-sample 1.0.0",
            "  session:    induction-3",
            "  dose:       56 mg",
            "  findings:   11 rules evaluated: 11 PASS");
    assertThat(run.outLines())
        .filteredOn(line -> !line.isEmpty() && !line.startsWith(" "))
        .containsExactly(
            "PROCEED: gate PRE_DOSE at 2026-01-05T09:00:00Z",
            "PASS  REMS-SETTING-READY  severity BLOCK",
            "PASS  BP-PRE-ELEVATED  severity WARN",
            "PASS  PREP-NO-FOOD-2H  severity WARN",
            "PASS  PREP-NO-LIQUIDS-30MIN  severity WARN",
            "PASS  PREP-NASAL-PRODUCTS-1H  severity WARN",
            "PASS  MED-CNS-DEPRESSANTS  severity WARN",
            "PASS  MED-BP-RAISING  severity WARN",
            "PASS  PHQ9-ITEM9-POSITIVE  severity WARN",
            "PASS  CSSRS-SEVERE-RISK  severity BLOCK",
            "PASS  DOSE-MAX-PER-SESSION  severity BLOCK",
            "PASS  induction-dose#maxPerSession  severity BLOCK");
  }

  @Test
  void bothExampleFiles_passTheEligibilityGateToo() {
    for (String facts : new String[] {"esketamine-pre-dose-ready.yaml", "esketamine-pre-dose-high-bp.yaml"}) {
      Cli run =
          kapsdk("check", TEMPLATE, "--profile", PROFILE, "--facts", Path.of("..", "examples", "facts", facts).toString(),
              "--gate", "ELIGIBILITY", "--at", "2026-01-05T09:00:00Z");

      assertThat(run.exitCode()).as(facts).isEqualTo(0);
      assertThat(run.outLines().get(0)).as(facts)
          .isEqualTo("PROCEED: gate ELIGIBILITY at 2026-01-05T09:00:00Z");
    }
  }

  @Test
  void sampleEligibilityScenarios_jsonCoverageNamesOutcomesARuleCannotProduce() throws Exception {
    String file = Path.of("..", "examples", "scenarios", "eligibility.yaml").toString();

    Cli run = kapsdk("test", file, "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode rules =
        new ObjectMapper().readTree(run.out())
            .get("coverage").get(0).get("rules");
    JsonNode enrolled = null;
    for (JsonNode rule : rules) {
      if (rule.get("id").asText().equals("REMS-PATIENT-ENROLLED")) {
        enrolled = rule;
      }
    }
    // An attestation the patient lacks is UNKNOWN, never FAIL: the report must say so rather
    // than list FAIL as a gap no scenario can fill.
    assertThat(enrolled).isNotNull();
    assertThat(enrolled.get("unreachable").toString()).isEqualTo("[\"FAIL\"]");
    assertThat(enrolled.get("outcomes").toString()).contains("UNKNOWN");
  }
}
