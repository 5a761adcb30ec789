package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.io.JsonSchemas.Kind;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.scenario.ScenarioFiles;
import org.kapsdk.core.validation.ValidationException;

/**
 * The schemas under {@code schemas/}: generated from the model and up to date, right about every
 * file of each kind in the repository, and wrong documents fail them as the readers fail them.
 */
class JsonSchemasTest {
  private static final Path ROOT = JsonSchemas.repositoryRoot();
  private static final Path SOURCES = ROOT.resolve("core/src/main/java");
  private static final boolean UPDATE = Boolean.getBoolean("kapsdk.updateSchemas");
  private static final Pattern MODELINE = Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");

  /** Every folder whose files are of one kind; searched to any depth. */
  private static final Map<Kind, List<String>> FOLDERS = new EnumMap<>(Map.of(
      Kind.TEMPLATE, List.of("examples/templates", "protocols/src/main/resources/org/kapsdk/protocols"),
      Kind.PROFILE, List.of("examples/profiles", "protocols/src/test/resources/profiles"),
      Kind.SCENARIO, List.of("examples/scenarios", "protocols/src/test/resources/scenarios"),
      Kind.FACTS, List.of("examples/facts"),
      Kind.COURSE, List.of("examples/courses")));

  private static final Map<Kind, JsonSchema> SCHEMAS = new EnumMap<>(Kind.class);

  @ParameterizedTest
  @EnumSource(Kind.class)
  void checkedInSchemaEqualsTheGeneratedOne(Kind kind) throws IOException {
    String generated = JsonSchemas.generate(kind, SOURCES);
    Path file = ROOT.resolve("schemas").resolve(kind.fileName());
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(file)
        .withFailMessage("%s is missing or out of date with the model; regenerate the schemas with%n  %s",
            ROOT.relativize(file), JsonSchemas.REGENERATE)
        .exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .withFailMessage("%s is out of date with the model; regenerate the schemas with%n  %s",
            ROOT.relativize(file), JsonSchemas.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void generationIsDeterministic() {
    for (Kind kind : Kind.values()) {
      assertThat(JsonSchemas.generate(kind, SOURCES)).isEqualTo(JsonSchemas.generate(kind, SOURCES));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFileOfEachKindInTheRepositoryIsValidAndNamesItsSchema() {
    return FOLDERS.entrySet().stream().flatMap(entry -> {
      List<Path> files = files(entry.getValue());
      assertThat(files).as("files of kind %s", entry.getKey()).isNotEmpty();
      return files.stream().map(file -> DynamicTest.dynamicTest(ROOT.relativize(file).toString(), () -> {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(errors(entry.getKey(), Mappers.yaml().readTree(text))).isEmpty();
        Matcher modeline = MODELINE.matcher(text.lines().findFirst().orElse(""));
        assertThat(modeline.matches()).as("first line names the schema: %s", text.lines().findFirst().orElse("")).isTrue();
        assertThat(file.getParent().resolve(modeline.group(1)).normalize())
            .isEqualTo(ROOT.resolve("schemas").resolve(entry.getKey().fileName()));
      }));
    });
  }

  @Test
  void everyKindHasFilesToCheck() {
    for (Kind kind : Kind.values()) {
      assertThat(files(FOLDERS.get(kind))).as("files of kind %s", kind).isNotEmpty();
    }
  }

  /* ------------------------------------------------------------- templates */

  @Test
  void templateWithAnUnknownFieldFailsTheSchemaAndTheReader() {
    brokenTemplate(t -> session(t, 0, 0).put("sessionCount", 2), "sessionCount");
  }

  @Test
  void templateWithAnEnumValueOutsideTheListFailsTheSchemaAndTheReader() {
    brokenTemplate(t -> session(t, 0, 0).put("kind", "DOSE"), "sessions[0].kind: does not have a value in the enumeration");
  }

  @Test
  void templateWithoutARequiredFieldFailsTheSchemaAndTheReader() {
    brokenTemplate(t -> session(t, 0, 0).remove("kind"), "sessions[0]: required property 'kind' not found");
  }

  @Test
  void templateWithAnUnknownConditionKindFailsTheSchemaAndTheReader() {
    brokenTemplate(t -> firstCondition(t).put("kind", "bloodPressure"),
        "conditions[0].kind: does not have a value in the enumeration");
  }

  @Test
  void conditionWithAFieldOfAnotherKindFailsTheSchemaAndTheReader() {
    brokenTemplate(t -> firstCondition(t).put("comparator", "GT"), "comparator");
  }

  @Test
  void templateWithAQuantityInAnUnknownUnitFailsTheSchemaAndTheReader() {
    brokenTemplate(t -> dosing(t).put("maxPerSession", "84 milligrams"), "maxPerSession: does not match");
  }

  @Test
  void placeholdersStandForNumbersInTemplatesButMalformedOnesAndWordsDoNot() {
    ObjectNode template = template();
    ObjectNode repeat = (ObjectNode) session(template, 1, 0).get("repeat");
    repeat.put("weeks", "${induction-weeks}");
    assertThat(errors(Kind.TEMPLATE, template)).isEmpty();
    repeat.put("weeks", "${Induction Weeks}");
    assertThat(errors(Kind.TEMPLATE, template)).isNotEmpty();
    repeat.put("weeks", "four");
    assertThat(errors(Kind.TEMPLATE, template)).isNotEmpty();
  }

  /* -------------------------------------------------------------- profiles */

  @Test
  void profileValuesAreTextOrWholeNumbersAndNothingElse() {
    ObjectNode profile = document("examples/profiles/sample-clinic.yaml");
    ((ObjectNode) profile.get("values")).put("phq9-worsening-points", true);
    assertThat(errors(Kind.PROFILE, profile)).isNotEmpty();
    assertThatThrownBy(() -> ProfileFiles.read(yaml(profile), DocumentFormat.YAML, "p.yaml"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void profileWithoutATemplateFailsTheSchemaAndTheReader() {
    ObjectNode profile = document("examples/profiles/sample-clinic.yaml");
    profile.remove("template");
    assertThat(messages(Kind.PROFILE, profile)).contains("template");
    assertThatThrownBy(() -> ProfileFiles.read(yaml(profile), DocumentFormat.YAML, "p.yaml"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("template");
  }

  /* ------------------------------------------------- facts, scenarios, courses */

  @Test
  void factsWithAWrongEnumOrAnUnknownFieldFailTheSchemaAndTheReader() {
    ObjectNode facts = document("examples/facts/esketamine-pre-dose-ready.yaml");
    facts.put("pregnancy", "NO");
    assertThat(messages(Kind.FACTS, facts)).contains("pregnancy");
    assertThatThrownBy(() -> FactsFiles.read(yaml(facts), DocumentFormat.YAML, "f.yaml", Instant.EPOCH))
        .isInstanceOf(ValidationException.class);
    facts.put("pregnancy", "NEITHER").put("name", "A Patient");
    assertThat(messages(Kind.FACTS, facts)).contains("name");
    assertThatThrownBy(() -> FactsFiles.read(yaml(facts), DocumentFormat.YAML, "f.yaml", Instant.EPOCH))
        .isInstanceOf(ValidationException.class).hasMessageContaining("name");
  }

  @Test
  void factsTimesAreInstantsOrRelativeToT0() {
    ObjectNode facts = document("examples/facts/esketamine-pre-dose-ready.yaml");
    ObjectNode conditions = (ObjectNode) facts.get("conditions");
    conditions.put("reviewedAt", "2026-01-04T09:00:00Z");
    assertThat(errors(Kind.FACTS, facts)).isEmpty();
    conditions.put("reviewedAt", "yesterday");
    assertThat(errors(Kind.FACTS, facts)).isNotEmpty();
  }

  @Test
  void scenarioWithoutAProtocolOrWithAnUnknownGateFailsTheSchemaAndTheReader() {
    ObjectNode scenarios = document("examples/scenarios/pre-dose.yaml");
    scenarios.remove("protocol");
    assertThat(messages(Kind.SCENARIO, scenarios)).contains("required property 'protocol' not found");
    scenarios.put("protocol", "../templates/esketamine-trd-sample.yaml");
    ((ObjectNode) scenarios.get("scenarios").get(0)).put("gate", "BEFORE_DOSE");
    assertThat(messages(Kind.SCENARIO, scenarios)).contains("scenarios[0].gate: does not have a value in the enumeration");
    assertThatThrownBy(() -> ScenarioFiles.read(yaml(scenarios), DocumentFormat.YAML, "s.yaml"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("BEFORE_DOSE");
  }

  @Test
  void courseWithAnUnknownEventTypeFailsTheSchemaAndTheReader() {
    ObjectNode course = document("examples/courses/esketamine-course-sample.yaml");
    ((ObjectNode) course.get("events").get(1)).put("type", "sessionBooked");
    assertThat(messages(Kind.COURSE, course)).contains("events[1].type: does not have a value in the enumeration");
    assertThatThrownBy(() -> CourseFiles.read(yaml(course), DocumentFormat.YAML, "c.yaml"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("sessionBooked");
  }

  @Test
  void courseTimesAreAbsolute() {
    ObjectNode course = document("examples/courses/esketamine-course-sample.yaml");
    ((ObjectNode) course.get("events").get(1)).put("at", "T0+1d");
    assertThat(errors(Kind.COURSE, course)).isNotEmpty();
    assertThatThrownBy(() -> CourseFiles.read(yaml(course), DocumentFormat.YAML, "c.yaml"))
        .isInstanceOf(ValidationException.class);
  }

  /* ---------------------------------------------------------------- helpers */

  /** Breaks the sample template; the schema and the reader (with the sample profile) must both refuse it. */
  private static void brokenTemplate(Consumer<ObjectNode> breakIt, String named) {
    ObjectNode template = template();
    assertThat(errors(Kind.TEMPLATE, template)).as("the sample before breaking it").isEmpty();
    breakIt.accept(template);
    assertThat(messages(Kind.TEMPLATE, template)).contains(named);
    ClinicProfile profile = ProfileFiles.read(ROOT.resolve("examples/profiles/sample-clinic.yaml"));
    assertThatThrownBy(() -> ProtocolFiles.read(yaml(template), DocumentFormat.YAML, "t.yaml", profile))
        .isInstanceOf(ValidationException.class);
  }

  private static ObjectNode template() {
    return document("examples/templates/esketamine-trd-sample.yaml");
  }

  private static ObjectNode session(ObjectNode template, int phase, int session) {
    return (ObjectNode) template.get("phases").get(phase).get("sessions").get(session);
  }

  private static ObjectNode dosing(ObjectNode template) {
    return (ObjectNode) session(template, 1, 0).get("dosing");
  }

  /** The first condition of the induction session's {@code endsWhen}: an observationTrend. */
  private static ObjectNode firstCondition(ObjectNode template) {
    JsonNode endsWhen = session(template, 1, 0).get("monitoring").get("endsWhen");
    ObjectNode condition = (ObjectNode) ((ArrayNode) endsWhen.get("conditions")).get(0);
    assertThat(condition.get("kind").asText()).isEqualTo("observationTrend");
    return condition;
  }

  private static ObjectNode document(String path) {
    try {
      return (ObjectNode) Mappers.yaml().readTree(Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String yaml(JsonNode node) {
    try {
      return Mappers.yaml().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String messages(Kind kind, JsonNode document) {
    Set<ValidationMessage> errors = errors(kind, document);
    assertThat(errors).isNotEmpty();
    return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
  }

  private static Set<ValidationMessage> errors(Kind kind, JsonNode document) {
    return schema(kind).validate(document);
  }

  private static synchronized JsonSchema schema(Kind kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> {
      try {
        // The generated schema, equal to the checked-in one when checkedInSchemaEqualsTheGeneratedOne passes.
        JsonNode schema = Mappers.json().readTree(JsonSchemas.generate(k, SOURCES));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static List<Path> files(List<String> folders) {
    return folders.stream().flatMap(folder -> {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
        return walk.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().matches(".*\\.(yaml|yml)"))
            .sorted()
            .toList()
            .stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }
}
