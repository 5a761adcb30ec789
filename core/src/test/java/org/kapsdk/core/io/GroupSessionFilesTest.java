package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.GroupSpec;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * The {@code group} block of a session template in files: read strictly with line and column,
 * checked with paths, its whole numbers taken from INTEGER parameters, and written back with the
 * placeholders, never a clinic's values.
 */
class GroupSessionFilesTest {
  /** A preparation group whose size limit is a clinic parameter; the group block starts on line 21. */
  private static final String TEMPLATE =
      """
      id: demo
      version: 1.0.0
      title: Demo
      status: DRAFT
      indications:
        - system: http://snomed.info/sct
          code: "370143000"
      parameters:
        - name: max-participants
          type: INTEGER
          min: 2
          description: The most participants one group holds.
          clinicPolicy: true
      phases:
        - id: preparation
          title: Preparation
          sessions:
            - id: prep-group
              kind: PREPARATION
              title: Preparation group
              group:
                maxParticipants: ${max-participants}
                minParticipants: 4
      """;

  private static final String PARAMETERS = "parameters:\n  - name: max-participants\n    type: INTEGER\n    min: 2\n"
      + "    description: The most participants one group holds.\n    clinicPolicy: true\n";

  private static final String GROUP_BLOCK =
      "        group:\n          maxParticipants: ${max-participants}\n          minParticipants: 4\n";

  private static final String GROUP_PATH = "phases[0].sessions[0].group";

  private static final String PROFILE =
      """
      clinic: riverside
      template: demo
      values:
        max-participants: 12
      """;

  private static ClinicProfile profile(String text) {
    return ProfileFiles.read(text, DocumentFormat.YAML, "p.yaml");
  }

  private static ProtocolTemplate read(String text) {
    return ProtocolFiles.read(text, DocumentFormat.YAML, "t.yaml", profile(PROFILE));
  }

  private static List<String> problems(Runnable read) {
    ValidationException e = catchThrowableOfType(ValidationException.class, read::run);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static GroupSpec groupOf(ProtocolTemplate t) {
    SessionTemplate s = t.phases().get(0).sessions().get(0);
    return s.group().orElseThrow();
  }

  @Test
  void read_groupWithParameter_takesTheProfilesWholeNumber() {
    ProtocolTemplate t = read(TEMPLATE);

    assertThat(groupOf(t).maxParticipants()).contains(12);
    assertThat(groupOf(t).minParticipants()).contains(4);
    assertThat(t.placeholders()).containsEntry(GROUP_PATH + ".maxParticipants", "max-participants");
  }

  @Test
  void read_sessionWithoutGroup_isNoGroup() {
    ProtocolTemplate t = ProtocolFiles.read(TEMPLATE.replace(GROUP_BLOCK, "").replace(PARAMETERS, ""), DocumentFormat.YAML, "t.yaml");

    assertThat(t.phases().get(0).sessions().get(0).group()).isEmpty();
  }

  @Test
  void write_givesThePlaceholderBack_andReadsBackEqual() {
    ProtocolTemplate t = read(TEMPLATE);

    String yaml = ProtocolFiles.write(t, DocumentFormat.YAML);
    String json = ProtocolFiles.write(t, DocumentFormat.JSON);

    assertThat(yaml).contains("maxParticipants: \"${max-participants}\"").doesNotContain("maxParticipants: 12");
    assertThat(json).contains("\"maxParticipants\" : \"${max-participants}\"");
    assertThat(read(yaml)).isEqualTo(t);
    assertThat(ProtocolFiles.read(json, DocumentFormat.JSON, "t.json", profile(PROFILE))).isEqualTo(t);
  }

  @Test
  void read_profileValueBelowTheParametersMinimum_isTheOnlyProblem() {
    assertThat(problems(() -> ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "t.yaml", profile(PROFILE.replace(": 12", ": 1")))))
        .as("no false 'minParticipants above maxParticipants' from the stand-ins for the refused value")
        .containsExactly("<profile>: values.max-participants: '1' is below the minimum of parameter 'max-participants' (2)");
  }

  @Test
  void read_unknownFieldInGroup_isReportedWithLineAndColumn() {
    assertThat(problems(() -> read(TEMPLATE.replace("minParticipants: 4", "minParticipants: 4\n          size: large"))))
        .containsExactly("t.yaml:24:11: " + GROUP_PATH + ".size: unknown field 'size'; expected one of maxParticipants, minParticipants");
  }

  @Test
  void read_textWhereWholeNumberBelongs_isRefused() {
    assertThat(problems(() -> read(TEMPLATE.replace("minParticipants: 4", "minParticipants: four"))))
        .containsExactly("t.yaml:23:28: " + GROUP_PATH + ".minParticipants: expected a whole number, found text 'four'");
  }

  @Test
  void read_minimumAboveMaximum_isRefusedAtItsPath() {
    assertThat(problems(() -> read(TEMPLATE.replace("minParticipants: 4", "minParticipants: 13"))))
        .containsExactly("t.yaml:23:11: " + GROUP_PATH + ".minParticipants: minParticipants (13) must not be above maxParticipants (12)");
  }

  @Test
  void read_groupOfOne_isRefused() {
    String literal = TEMPLATE.replace("${max-participants}", "1").replace(PARAMETERS, "");

    assertThat(problems(() -> ProtocolFiles.read(literal.replace("minParticipants: 4", "minParticipants: 0"), DocumentFormat.YAML, "t.yaml")))
        .containsExactly(
            "t.yaml:16:11: " + GROUP_PATH + ".maxParticipants: must be at least 2: a group session holds more than one participant",
            "t.yaml:17:11: " + GROUP_PATH + ".minParticipants: must be at least 1");
  }
}
