package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
  static final String COMPLETE = resource("scenarios", "complete");
  static final String ELIGIBILITY = resource("scenarios", "complete", "eligibility.yaml");
  static final String PRE_DOSE = resource("scenarios", "complete", "pre-dose.yaml");
  static final String FAILING = resource("scenarios", "failing.yaml");
  static final String MALFORMED = resource("scenarios", "malformed.yaml");

  private static final List<String> ELIGIBILITY_LINES =
      List.of(
          "PASS " + ELIGIBILITY + "  protocol cli-check: 3 scenarios passed",
          "  PASS an adult is eligible",
          "  PASS a minor is not",
          "  PASS an unknown age blocks");

  private static final List<String> PRE_DOSE_LINES =
      List.of(
          "PASS " + PRE_DOSE + "  protocol cli-check: 7 scenarios passed",
          "  PASS normal BP proceeds",
          "  PASS high BP blocks",
          "  PASS no BP reading blocks",
          "  PASS a prescriber overrides a missing reading",
          "  PASS too much blocks",
          "  PASS no planned dose blocks",
          "  PASS the dose limit cannot be overridden");

  private static List<String> concat(List<?>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).map(String.class::cast).toList();
  }

  @Test
  void test_directory_runsEveryFileInSortedOrderAndExits0() {
    Cli run = kapsdk("test", COMPLETE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            concat(ELIGIBILITY_LINES, PRE_DOSE_LINES, List.of("10 passed, 0 failed")));
  }

  @Test
  void test_failingScenario_exits1WithItsMismatches() {
    Cli run = kapsdk("test", FAILING);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines())
        .containsExactly(
            "FAIL " + FAILING + "  protocol cli-check: 1 of 2 scenarios failed",
            "  PASS an adult is eligible",
            "  FAIL deliberately wrong expectation",
            "       verdict: expected BLOCKED, got PROCEED",
            "       rule AGE-65-INFO: expected PASS, got FAIL (Patient is 65 or older)",
            "1 passed, 1 failed");
  }

  @Test
  void test_malformedFile_exits2WithEveryProblemAtItsLineAndColumn() {
    Cli run = kapsdk("test", MALFORMED);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines())
        .containsExactly(
            "ERROR " + MALFORMED + "  2 problems",
            "0 passed, 0 failed",
            "1 file could not be run; see the problems on stderr");
    assertThat(run.errLines())
        .containsExactly(
            MALFORMED + ":6:29: scenarios[0].facts.age: unknown field 'age'; expected one of"
                + " ageYears, assessments, attestations, conditions, extends, medications,"
                + " observations, patientId, pregnancy, remove, sessions",
            MALFORMED + ":8:5: scenarios[0].colour: unknown field 'colour'; expected one of at,"
                + " description, expect, facts, gate, name, overrides, plannedDose, session");
  }

  @Test
  void test_malformedAmongOthers_runsTheOthersAndExits2EvenWithAFailure() {
    Cli run = kapsdk("test", MALFORMED, FAILING, ELIGIBILITY);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines())
        .filteredOn(line -> !line.startsWith(" "))
        .containsExactly(
            "ERROR " + MALFORMED + "  2 problems",
            "FAIL " + FAILING + "  protocol cli-check: 1 of 2 scenarios failed",
            "PASS " + ELIGIBILITY + "  protocol cli-check: 3 scenarios passed",
            "4 passed, 1 failed",
            "1 file could not be run; see the problems on stderr");
    assertThat(run.errLines()).hasSize(2);
  }

  @Test
  void test_missingFile_exits2() {
    String missing = resource("scenarios", "no-such-file.yaml");

    Cli run = kapsdk("test", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines())
        .containsExactly(
            "ERROR " + missing + "  1 problem",
            "0 passed, 0 failed",
            "1 file could not be run; see the problems on stderr");
    assertThat(run.errLines()).containsExactly(missing + ": file not found");
  }

  @Test
  void test_emptyDirectory_exits2(@TempDir Path temp) throws IOException {
    Files.writeString(temp.resolve("notes.txt"), "not a scenario");

    Cli run = kapsdk("test", temp.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(temp + ": directory holds no .yaml, .yml or .json files");
  }

  @Test
  void test_coverage_mergesTheFilesOfOneProtocol() {
    Cli run = kapsdk("test", "--coverage", COMPLETE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            concat(
                ELIGIBILITY_LINES,
                PRE_DOSE_LINES,
                List.of(
                    "",
                    "Coverage of protocol cli-check:",
                    "rule                sev    PASS FAIL UNKNOWN OVERRIDDEN",
                    "AGE-ADULT           BLOCK  x    x    x       -",
                    "AGE-65-INFO         INFO   x    -    x       -",
                    "BP-PRE              BLOCK  x    x    x       x",
                    "FOOD-2H             WARN   x    -    -       -",
                    "dose#maxPerSession  BLOCK  x    x    x       -",
                    "every BLOCK rule has a FAIL and an UNKNOWN scenario",
                    "10 passed, 0 failed")));
  }

  @Test
  void test_coverageOfOneFile_namesTheUncoveredBlockRuleButExits0() {
    Cli run = kapsdk("test", "--coverage", PRE_DOSE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().subList(PRE_DOSE_LINES.size(), run.outLines().size()))
        .containsExactly(
            "",
            "Coverage of protocol cli-check:",
            "rule                sev    PASS FAIL UNKNOWN OVERRIDDEN",
            "AGE-ADULT           BLOCK  -    -    -       -",
            "AGE-65-INFO         INFO   -    -    -       -",
            "BP-PRE              BLOCK  x    x    x       x",
            "FOOD-2H             WARN   x    -    -       -",
            "dose#maxPerSession  BLOCK  x    x    x       -",
            "BLOCK rule AGE-ADULT lacks a scenario with FAIL and UNKNOWN",
            "7 passed, 0 failed");
  }

  @Test
  void test_failOnUncovered_withAGap_exits1NamingIt() {
    Cli run = kapsdk("test", "--fail-on-uncovered", PRE_DOSE);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            concat(
                PRE_DOSE_LINES,
                List.of(
                    "UNCOVERED protocol cli-check: BLOCK rule AGE-ADULT lacks a scenario with FAIL"
                        + " and UNKNOWN",
                    "7 passed, 0 failed")));
  }

  @Test
  void test_failOnUncovered_withCompleteCoverage_exits0() {
    Cli run = kapsdk("test", "--fail-on-uncovered", ELIGIBILITY, PRE_DOSE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            concat(ELIGIBILITY_LINES, PRE_DOSE_LINES, List.of("10 passed, 0 failed")));
  }

  @Test
  void test_noArguments_isAUsageError() {
    Cli run = kapsdk("test");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines().get(0))
        .isEqualTo("kapsdk test: Missing required parameter: 'FILE_OR_DIR'");
  }
}
