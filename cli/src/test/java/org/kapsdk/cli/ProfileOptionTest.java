package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.fixture;
import static org.kapsdk.cli.Cli.kapsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile FILE} on every command that reads a template, with the sample template, whose
 * three clinic-policy parameters only a profile sets, and the sample clinic profile.
 */
class ProfileOptionTest {
  private static final String SAMPLE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml").toString();
  private static final String PROFILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml").toString();
  private static final String COURSE = Path.of("..", "examples", "courses", "esketamine-course-sample.yaml").toString();
  private static final String SCENARIOS = Path.of("..", "examples", "scenarios", "pre-dose.yaml").toString();
  private static final String FACTS = Path.of("..", "examples", "facts", "esketamine-pre-dose-ready.yaml").toString();
  private static final String AT = "2026-01-05T09:00:00Z";

  private static final String SAMPLE_SUMMARY =
      "OK   " + SAMPLE + "  esketamine-trd-sample 1.0.0 \"Esketamine nasal spray for treatment-resistant depression"
          + " (US label, REMS) — sample\" (ACTIVE): 4 phases, 7 session templates, 27 rules, 3 parameters";

  private static final String UNSET_BP =
      SAMPLE + ":106:5: parameters[0]: required parameter 'bp-reading-max-age' is not set; set it in a clinic profile"
          + " (kapsdk --profile FILE); it is used at lines 653, 661";

  private static String writeProfile(Path dir, String values) throws IOException {
    return Files.writeString(dir.resolve("profile.yaml"),
        "clinic: test-clinic\ntemplate: esketamine-trd-sample\nvalues:\n" + values).toString();
  }

  /* ------------------------------------------------------------------ validate */

  @Test
  void validate_parameterisedTemplateWithoutProfile_isValidAndListsWhatToSet() {
    Cli run = kapsdk("validate", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        SAMPLE_SUMMARY,
        "     3 parameters to set in a clinic profile before use (--profile FILE): bp-reading-max-age, phq9-max-age,"
            + " phq9-worsening-points");
  }

  @Test
  void validate_withProfile_showsEveryValueAndWhereItWasSet() {
    Cli run = kapsdk("validate", "--profile", PROFILE, SAMPLE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        SAMPLE_SUMMARY,
        "     parameter bp-reading-max-age = 1 h (profile " + PROFILE + ":25:3)",
        "     parameter phq9-max-age = 30 d (profile " + PROFILE + ":27:3)",
        "     parameter phq9-worsening-points = 5 (profile " + PROFILE + ":30:3)");
  }

  @Test
  void validate_profileThatLeavesARequiredParameterUnset_fails(@TempDir Path dir) throws IOException {
    String profile = writeProfile(dir, "  phq9-max-age: 30 d\n  phq9-worsening-points: 5\n");

    Cli run = kapsdk("validate", SAMPLE, "--profile", profile);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + SAMPLE + "  1 problem");
    assertThat(run.errLines()).containsExactly(UNSET_BP);
  }

  @Test
  void validate_profileValuesThatDoNotFit_failsAtTheProfilesLines(@TempDir Path dir) throws IOException {
    String profile = writeProfile(dir, "  bp-reading-max-age: 1 hour\n  phq9-max-age: 30 d\n  phq9-worsening-points: 30\n"
        + "  systolic-review: 140 mmHg\n");

    Cli run = kapsdk("validate", SAMPLE, "--profile", profile);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("FAIL " + SAMPLE + "  3 problems");
    assertThat(run.errLines()).containsExactly(
        profile + ":4:3: values.bp-reading-max-age: '1 hour' is not a value of parameter 'bp-reading-max-age' (DURATION):"
            + " expected a duration such as '120 min': a whole number, a space and one of s, min, h, d, wk",
        profile + ":6:3: values.phq9-worsening-points: '30' is above the maximum of parameter 'phq9-worsening-points' (27)",
        profile + ":7:3: values.systolic-review: template 'esketamine-trd-sample' has no parameter 'systolic-review'; its"
            + " parameters are bp-reading-max-age, phq9-max-age, phq9-worsening-points");
  }

  @Test
  void validate_profileForAnotherTemplate_failsAtItsTemplateLine() {
    Cli run = kapsdk("validate", fixture("valid.yaml"), "--profile", PROFILE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).contains(
        PROFILE + ":19:1: template: the profile is for template 'esketamine-trd-sample', not 'cli-fixture'");
  }

  @Test
  void validate_missingProfileFile_saysSo() {
    String missing = Path.of("no-such-profile.yaml").toString();

    Cli run = kapsdk("validate", SAMPLE, "--profile", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(missing + ": file not found");
  }

  @Test
  void validateJson_withoutProfile_listsParametersWithoutValues() throws IOException {
    JsonNode file = new ObjectMapper().readTree(kapsdk("validate", "--json", SAMPLE).out()).path("files").path(0);

    assertThat(file.path("valid").asBoolean()).isTrue();
    assertThat(file.path("parameters").path(0).path("name").asText()).isEqualTo("bp-reading-max-age");
    assertThat(file.path("parameters").path(0).path("type").asText()).isEqualTo("DURATION");
    assertThat(file.path("parameters").path(0).path("value").isNull()).isTrue();
    assertThat(file.path("unset").toString()).isEqualTo("[\"bp-reading-max-age\",\"phq9-max-age\",\"phq9-worsening-points\"]");
  }

  @Test
  void validateJson_withProfile_givesEachValueAndItsOrigin() throws IOException {
    JsonNode file = new ObjectMapper().readTree(kapsdk("validate", "--json", "--profile", PROFILE, SAMPLE).out())
        .path("files").path(0);

    assertThat(file.path("parameters").path(2).toString())
        .isEqualTo("{\"name\":\"phq9-worsening-points\",\"type\":\"INTEGER\",\"value\":\"5\",\"origin\":\"PROFILE\"}");
    assertThat(file.path("unset").size()).isZero();
  }

  /* ------------------------------------------------------------------ check, plan */

  @Test
  void check_parameterisedTemplateWithoutProfile_exits2ListingEveryUnsetParameter() {
    Cli run = kapsdk("check", SAMPLE, "--facts", FACTS, "--gate", "PRE_DOSE", "--session", "induction-3",
        "--planned-dose", "56 mg", "--at", AT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).hasSize(3).first().isEqualTo(UNSET_BP);
  }

  @Test
  void check_withProfile_usesItsValues(@TempDir Path dir) throws IOException {
    // The facts' blood pressure is from 10 minutes before T0: with a 5-minute window it is too old.
    String strict = writeProfile(dir, "  bp-reading-max-age: 5 min\n  phq9-max-age: 30 d\n  phq9-worsening-points: 5\n");

    Cli sample = kapsdk("check", SAMPLE, "--profile", PROFILE, "--facts", FACTS, "--gate", "PRE_DOSE",
        "--session", "induction-3", "--planned-dose", "56 mg", "--at", AT);
    Cli stricter = kapsdk("check", SAMPLE, "--profile", strict, "--facts", FACTS, "--gate", "PRE_DOSE",
        "--session", "induction-3", "--planned-dose", "56 mg", "--at", AT);

    assertThat(sample.exitCode()).isEqualTo(0);
    assertThat(stricter.exitCode()).isEqualTo(1);
    assertThat(stricter.out()).contains("UNKNOWN  BP-PRE-ELEVATED  severity WARN", "(reading within 5 min)");
  }

  @Test
  void plan_parameterisedTemplateWithoutProfile_exits2() {
    Cli run = kapsdk("plan", SAMPLE, "--start", "2026-01-05");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).contains(UNSET_BP);
  }

  /* ------------------------------------------------------------------ status, test */

  @Test
  void status_courseNamingItsProfile_needsNoOption() {
    assertThat(kapsdk("status", COURSE, "--at", "2026-01-21T15:00:00Z").exitCode()).isEqualTo(0);
  }

  @Test
  void status_profileOption_replacesTheCoursesProfile(@TempDir Path dir) throws IOException {
    String other = Files.writeString(dir.resolve("other.yaml"), "clinic: c\ntemplate: another-template\nvalues: {}\n").toString();

    Cli run = kapsdk("status", COURSE, "--at", "2026-01-21T15:00:00Z", "--profile", other);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).contains(
        other + ":2:1: template: the profile is for template 'another-template', not 'esketamine-trd-sample'");
  }

  @Test
  void status_courseNamingAMissingProfile_pointsAtItsProfileField(@TempDir Path dir) throws IOException {
    String course = Files.readString(Path.of(COURSE))
        .replace("protocol: ../templates/esketamine-trd-sample.yaml", "protocol: " + Path.of(SAMPLE).toAbsolutePath())
        .replace("profile: ../profiles/sample-clinic.yaml", "profile: none.yaml");
    Path file = Files.writeString(dir.resolve("course.yaml"), course);

    Cli run = kapsdk("status", file.toString(), "--at", "2026-01-21T15:00:00Z");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        file + ":28:1: profile: profile " + dir.resolve("none.yaml") + ": file not found");
  }

  @Test
  void test_profileOption_replacesTheProfileTheScenarioFilesName(@TempDir Path dir) throws IOException {
    // With a 3-hour window, a reading taken 2 hours ago counts: the scenario expecting UNKNOWN fails.
    String lenient = writeProfile(dir, "  bp-reading-max-age: 3 h\n  phq9-max-age: 30 d\n  phq9-worsening-points: 5\n");

    Cli sample = kapsdk("test", SCENARIOS);
    Cli run = kapsdk("test", SCENARIOS, "--profile", lenient);

    assertThat(sample.exitCode()).isEqualTo(0);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).contains("  FAIL blood pressure older than 1 h proceeds with warnings");
  }
}
