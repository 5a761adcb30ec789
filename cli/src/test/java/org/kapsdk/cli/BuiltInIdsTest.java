package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;
import static org.kapsdk.cli.Cli.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that takes a protocol file takes a built-in protocol id in its place. */
class BuiltInIdsTest {
  private static final String ID = "esketamine-trd-us";
  private static final String PROFILE = resource("builtin", "test-clinic.yaml");

  @Test
  void validate_builtInId_readsTheBuiltInAndListsItsParametersToSet() {
    Cli run = kapsdk("validate", ID);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0)).startsWith("OK   builtin:" + ID + "  " + ID + " 1.0.0 ");
    assertThat(run.out()).contains("3 parameters to set in a clinic profile before use (--profile FILE): bp-reading-max-age,");
  }

  @Test
  void validate_builtInIdWithAProfile_showsTheProfilesValues() {
    Cli run = kapsdk("validate", ID, "--profile", PROFILE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("parameter bp-reading-max-age = 1 h (profile " + PROFILE + ":");
  }

  @Test
  void lint_builtInIdWithAProfile_placesFindingsAtLinesOfTheBuiltIn() {
    Cli run = kapsdk("lint", ID, "--profile", PROFILE);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.outLines().get(0)).startsWith("FINDINGS builtin:" + ID + "  0 errors");
    assertThat(run.outLines().subList(1, run.outLines().size()))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches("builtin:" + ID + ":[1-9][0-9]*:[1-9][0-9]*: (WARNING|INFO) KAP-L\\d{3}: .*"));
  }

  @Test
  void lint_builtInIdWithoutAProfile_exits2NamingEachUnsetParameterInTheBuiltIn() {
    Cli run = kapsdk("lint", ID);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.outLines()).containsExactly("INVALID builtin:" + ID + "  3 problems");
    assertThat(run.errLines()).hasSize(3)
        .allSatisfy(l -> assertThat(l).matches("builtin:" + ID + ":\\d+:\\d+: parameters\\[\\d\\]: required parameter .*"));
  }

  @Test
  void plan_builtInIdWithAProfile_plansTheLabelSchedule() {
    Cli run = kapsdk("plan", ID, "--profile", PROFILE, "--start", "2026-01-05", "--zone", "America/New_York",
        "--closed", "SAT,SUN", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    // Twice weekly in weeks 1-4 from Monday 5 January: Mondays and Thursdays.
    assertThat(run.out()).contains("\"2026-01-05\"", "\"2026-01-08\"", "\"2026-01-29\"");
  }

  @Test
  void test_scenarioFileNamingABuiltInId_runsAgainstTheBuiltInWithTheFilesProfile() {
    Cli run = kapsdk("test", resource("builtin", "eligibility.yaml"));

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).contains("PASS screened adult may start", "PASS aneurysmal vascular disease blocks", "2 passed, 0 failed");
  }

  @Test
  void check_builtInIdWithoutTheRequiredProfile_exits2NamingTheUnsetParameters() {
    Cli run = kapsdk("check", ID, "--facts", resource("check", "facts-ready.yaml"), "--gate", "ELIGIBILITY",
        "--at", "2026-01-05T09:00:00Z");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("builtin:" + ID + ":").contains("required parameter 'bp-reading-max-age' is not set");
  }

  @Test
  void anyCommand_unknownId_exits2NamingTheBuiltIns() {
    Cli run = kapsdk("plan", "no-such-protocol", "--start", "2026-01-05");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("no-such-protocol: neither a template file (.yaml, .yml, .json) nor a"
        + " built-in protocol id; the built-ins are " + ProtocolArgument.ids() + " (kapsdk list)");
  }

  @Test
  void anyCommand_missingTemplateFile_isReportedAsMissing_notAsAnUnknownId(@TempDir Path dir) {
    String missing = dir.resolve("absent.yaml").toString();

    Cli run = kapsdk("validate", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(missing).contains("file not found").doesNotContain("built-in protocol id");
  }

  @Test
  void anyCommand_existingFileWithoutATemplateExtension_isReadAsAFile_notLookedUpAsAnId(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(ID), "id: not-a-template\n");

    Cli run = kapsdk("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown file type; expected a name ending in .yaml, .yml or .json")
        .doesNotContain("built-in protocol id");
  }
}
