package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProfileFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.io.UnsetParametersException;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.ConditionKinds;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.MonitoringPlan;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;

/**
 * The shipped sample template against its golden files: the canonical JSON and YAML that
 * {@link ProtocolFiles#write} gives for it. The sample has parameters, so it is read with the
 * sample clinic profile; the golden files hold the template as written, with a {@code ${name}}
 * placeholder wherever a parameter's value goes, never the profile's values.
 *
 * <p>Run with {@code -Dkapsdk.updateGolden=true} to rewrite the golden files from the sample
 * instead of comparing (see examples/README.md); review the diff before committing.
 */
class SampleTemplateTest {
  private static final Path SAMPLE = Path.of("templates/esketamine-trd-sample.yaml");
  private static final Path PROFILE = Path.of("profiles/sample-clinic.yaml");
  private static final Path GOLDEN_JSON = Path.of("src/test/resources/golden/esketamine-trd-sample.json");
  private static final Path GOLDEN_YAML = Path.of("src/test/resources/golden/esketamine-trd-sample.yaml");
  private static final boolean UPDATE = Boolean.getBoolean("kapsdk.updateGolden");

  private static ProtocolTemplate sample;

  @BeforeAll
  static void readSample() throws IOException {
    sample = ProtocolFiles.read(SAMPLE, PROFILE);
    if (UPDATE) {
      Files.writeString(GOLDEN_JSON, ProtocolFiles.write(sample, DocumentFormat.JSON), StandardCharsets.UTF_8);
      Files.writeString(GOLDEN_YAML, ProtocolFiles.write(sample, DocumentFormat.YAML), StandardCharsets.UTF_8);
    }
  }

  @Test
  void write_sampleAsJson_equalsGoldenText() throws IOException {
    assertThat(ProtocolFiles.write(sample, DocumentFormat.JSON))
        .isEqualTo(Files.readString(GOLDEN_JSON, StandardCharsets.UTF_8));
  }

  @Test
  void write_sampleAsYaml_equalsGoldenText() throws IOException {
    assertThat(ProtocolFiles.write(sample, DocumentFormat.YAML))
        .isEqualTo(Files.readString(GOLDEN_YAML, StandardCharsets.UTF_8));
  }

  @Test
  void read_goldenJsonWithProfile_equalsSample() {
    assertThat(ProtocolFiles.read(GOLDEN_JSON, PROFILE)).isEqualTo(sample);
  }

  @Test
  void read_goldenYamlWithProfile_equalsSample() {
    assertThat(ProtocolFiles.read(GOLDEN_YAML, PROFILE)).isEqualTo(sample);
  }

  @Test
  void write_jsonThenYamlThenJson_keepsTemplateAndText() {
    ClinicProfile profile = ProfileFiles.read(PROFILE);
    String json = ProtocolFiles.write(sample, DocumentFormat.JSON);
    ProtocolTemplate fromJson = ProtocolFiles.read(json, DocumentFormat.JSON, "<json>", profile);
    String yaml = ProtocolFiles.write(fromJson, DocumentFormat.YAML);
    ProtocolTemplate fromYaml = ProtocolFiles.read(yaml, DocumentFormat.YAML, "<yaml>", profile);

    assertThat(fromYaml).isEqualTo(sample);
    assertThat(ProtocolFiles.write(fromYaml, DocumentFormat.JSON)).isEqualTo(json);
  }

  @Test
  void writeToPath_yamlFile_readsBackEqual(@TempDir Path dir) {
    Path file = dir.resolve("copy.yaml");

    ProtocolFiles.write(sample, file);

    assertThat(ProtocolFiles.read(file, PROFILE)).isEqualTo(sample);
  }

  @Test
  void writeToPath_jsonFile_readsBackEqualAndHoldsGoldenText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("copy.json");

    ProtocolFiles.write(sample, file);

    assertThat(ProtocolFiles.read(file, PROFILE)).isEqualTo(sample);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(GOLDEN_JSON, StandardCharsets.UTF_8));
  }

  @Test
  void golden_holdsPlaceholdersNeverTheProfilesValues() throws IOException {
    String yaml = Files.readString(GOLDEN_YAML, StandardCharsets.UTF_8);

    assertThat(yaml)
        .contains("worsenedByAtLeast: \"${phq9-worsening-points}\"")
        .contains("maxAge: \"${bp-reading-max-age}\"")
        .contains("maxAge: \"${phq9-max-age}\"")
        .doesNotContain("worsenedByAtLeast: 5")
        .doesNotContain("maxAge: 1 h");
  }

  @Test
  void read_sampleWithoutProfile_listsEveryParameterTheClinicMustSet() {
    UnsetParametersException e = catchThrowableOfType(UnsetParametersException.class, () -> ProtocolFiles.read(SAMPLE));

    assertThat(e.unset()).extracting(Parameter::name)
        .containsExactly("bp-reading-max-age", "phq9-max-age", "phq9-worsening-points");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.message())
        .contains("is not set; set it in a clinic profile (kapsdk --profile FILE)"));
    assertThat(e.outline().id()).isEqualTo("esketamine-trd-sample");
  }

  @Test
  void resolve_sampleWithProfile_takesEveryValueFromTheProfile() {
    ResolvedProtocol resolved = ProtocolFiles.resolve(SAMPLE, PROFILE);

    assertThat(resolved.values()).extracting(v -> v.name() + "=" + v.value() + " " + v.origin())
        .containsExactly("bp-reading-max-age=1 h PROFILE", "phq9-max-age=30 d PROFILE", "phq9-worsening-points=5 PROFILE");
    assertThat(resolved.template()).isEqualTo(sample);
  }

  @Test
  void read_sample_everyParameterIsAClinicPolicyWithoutDefault() {
    assertThat(sample.parameters()).hasSize(3)
        .allSatisfy(p -> {
          assertThat(p.clinicPolicy()).isTrue();
          assertThat(p.defaultValue()).isEmpty();
        });
    assertThat(sample.placeholders()).hasSize(6);
  }

  @Test
  void read_sample_usesEveryConditionKind() {
    Set<String> used = new TreeSet<>();
    allConditions(sample).forEach(c -> used.add(c.kindName()));

    assertThat(used).containsExactlyInAnyOrderElementsOf(ConditionKinds.names());
  }

  @Test
  void read_sample_hasEverySessionKindButIntegration() {
    assertThat(sample.sessions().stream().map(SessionTemplate::kind).distinct())
        .containsExactlyInAnyOrder(
            SessionKind.SCREENING,
            SessionKind.PREPARATION,
            SessionKind.DOSING,
            SessionKind.ASSESSMENT,
            SessionKind.FOLLOW_UP);
  }

  @Test
  void read_sample_marksOnlyTheUnconfirmedLabelWordingAsUnconfirmed() {
    assertThat(sample.evidence().stream().filter(e -> !e.confirmed()).map(Evidence::key))
        .containsExactly("PI-HTN-CRISIS");
  }

  @Test
  void read_sample_everyRuleCitesEvidence() {
    List<Rule> rules = new ArrayList<>(sample.rules());
    sample.sessions().forEach(s -> rules.addAll(s.rules()));

    assertThat(rules).hasSize(27);
    assertThat(rules).allSatisfy(r -> assertThat(r.evidence()).isNotEmpty());
  }

  private static List<Condition> allConditions(ProtocolTemplate template) {
    Deque<Condition> todo = new ArrayDeque<>();
    Stream.concat(template.rules().stream(), template.sessions().stream().flatMap(s -> s.rules().stream()))
        .forEach(r -> {
          r.require().ifPresent(todo::add);
          r.forbid().ifPresent(todo::add);
        });
    template.sessions().stream()
        .map(SessionTemplate::monitoring)
        .flatMap(Optional::stream)
        .map(MonitoringPlan::endsWhen)
        .flatMap(Optional::stream)
        .forEach(todo::add);
    List<Condition> all = new ArrayList<>();
    while (!todo.isEmpty()) {
      Condition c = todo.pop();
      all.add(c);
      if (c instanceof AllOf a) {
        todo.addAll(a.conditions());
      } else if (c instanceof AnyOf a) {
        todo.addAll(a.conditions());
      } else if (c instanceof Not n) {
        todo.add(n.condition());
      }
    }
    return all;
  }
}
