package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** Clinic profile files: strict reading with file, line and column; exact, deterministic writing. */
class ProfileFilesTest {
  private static final String PROFILE =
      """
      clinic: riverside
      template: esketamine-trd-sample
      templateVersion: ">=1.0.0 <2.0.0"
      values:
        bp-reading-max-age: 1 h
        phq9-worsening-points: 5
      notes: Approved by the medical director on 2026-01-02.
      """;

  private static List<String> problems(String text) {
    try {
      ProfileFiles.read(text, DocumentFormat.YAML, "p.yaml");
    } catch (ValidationException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void read_valuesAsTextOrWholeNumbers_keepsThemAsText() {
    ClinicProfile profile = ProfileFiles.read(PROFILE, DocumentFormat.YAML, "p.yaml");

    assertThat(profile.values()).containsExactly(
        java.util.Map.entry("bp-reading-max-age", "1 h"), java.util.Map.entry("phq9-worsening-points", "5"));
    assertThat(profile.templateVersion()).hasValue(">=1.0.0 <2.0.0");
  }

  @Test
  void write_thenRead_givesEqualProfileAndTheSameText() {
    ClinicProfile profile = ProfileFiles.read(PROFILE, DocumentFormat.YAML, "p.yaml");

    String yaml = ProfileFiles.write(profile, DocumentFormat.YAML);
    String json = ProfileFiles.write(profile, DocumentFormat.JSON);

    assertThat(yaml).contains("  phq9-worsening-points: 5\n", "  bp-reading-max-age: 1 h\n");
    assertThat(json).contains("\"phq9-worsening-points\" : 5");
    assertThat(ProfileFiles.read(yaml, DocumentFormat.YAML, "p.yaml")).isEqualTo(profile);
    assertThat(ProfileFiles.read(json, DocumentFormat.JSON, "p.json")).isEqualTo(profile);
    assertThat(ProfileFiles.write(ProfileFiles.read(json, DocumentFormat.JSON, "p.json"), DocumentFormat.JSON)).isEqualTo(json);
  }

  @Test
  void writeToPath_thenReadPath_givesEqualProfile(@TempDir Path dir) {
    ClinicProfile profile = ProfileFiles.read(PROFILE, DocumentFormat.YAML, "p.yaml");
    Path file = dir.resolve("p.json");

    ProfileFiles.write(profile, file);

    assertThat(ProfileFiles.read(file)).isEqualTo(profile);
  }

  @Test
  void read_unknownFieldAndStructuralProblems_reportedTogetherWithLines() {
    String text = PROFILE.replace("clinic: riverside", "clinic: \" \"\npatient: sample-patient-0001")
        .replace("templateVersion: \">=1.0.0 <2.0.0\"", "templateVersion: latest");

    assertThat(problems(text)).containsExactly(
        "p.yaml:1:1: clinic: must not be blank",
        "p.yaml:2:1: patient: unknown field 'patient'; expected one of clinic, notes, template, templateVersion, values",
        "p.yaml:4:1: templateVersion: 'latest' is not a version range; expected a version such as 1.0.0, or comparisons"
            + " such as '>=1.0.0 <2.0.0' (>=, >, <=, <, =)");
  }

  @Test
  void read_valueThatIsNeitherTextNorAWholeNumber_isRefusedAtItsLine() {
    assertThat(problems(PROFILE.replace("phq9-worsening-points: 5", "phq9-worsening-points: [5]")))
        .containsExactly("p.yaml:6:26: values.phq9-worsening-points: expected text, found a list");
    assertThat(problems(PROFILE.replace("phq9-worsening-points: 5", "phq9-worsening-points: null")))
        .containsExactly("p.yaml:6:26: values.phq9-worsening-points: null is not allowed; leave the field out instead");
  }

  @Test
  void read_missingTemplate_isAMissingField() {
    assertThat(problems("clinic: riverside\n")).containsExactly("p.yaml:1:1: missing required field 'template'");
  }

  @Test
  void read_missingFile_saysSo(@TempDir Path dir) {
    Path missing = dir.resolve("none.yaml");

    assertThatThrownBy(() -> ProfileFiles.read(missing))
        .isInstanceOf(ValidationException.class)
        .hasMessage(missing + ": file not found");
  }

  @Test
  void read_profileFileWithProblems_refusesToResolveAndNamesTheProfile(@TempDir Path dir) throws Exception {
    Path template = Files.writeString(dir.resolve("t.yaml"), "id: demo\n");
    Path profile = Files.writeString(dir.resolve("p.yaml"), "clinic: c\ntemplate: demo\nvalues: {a: \"\"}\n");

    assertThatThrownBy(() -> ProtocolFiles.read(template, profile))
        .isInstanceOf(ValidationException.class)
        .hasMessage(profile + ":3:10: values.a: must not be blank");
  }
}
