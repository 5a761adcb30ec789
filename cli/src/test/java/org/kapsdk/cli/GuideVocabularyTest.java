package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.course.CourseEventTypes;
import org.kapsdk.core.lint.LintRule;
import org.kapsdk.core.lint.Linter;
import org.kapsdk.core.model.ConditionKinds;
import org.kapsdk.core.model.Gate;
import picocli.CommandLine;

/**
 * The guides name everything the code defines: every condition kind, gate and lint id in the
 * authoring guide, every event type in the embedding guide, every subcommand in the CLI reference.
 * The names are read from the code, so a new kind, gate, lint rule or command fails this test until
 * it is documented.
 */
class GuideVocabularyTest {
  private static final String AUTHORING = Docs.read(Docs.dir().resolve("authoring-guide.md"));
  private static final String TESTERS = Docs.read(Docs.dir().resolve("testers-guide.md"));
  private static final String EMBEDDING = Docs.read(Docs.dir().resolve("embedding-guide.md"));
  private static final String REFERENCE = Docs.read(Docs.dir().resolve("cli-reference.md"));

  @Test
  void authoringGuide_showsEveryConditionKindInYaml() {
    assertThat(ConditionKinds.names()).isNotEmpty()
        .allSatisfy(kind -> assertThat(AUTHORING).as("condition kind %s", kind).contains("kind: " + kind + "\n"));
  }

  @Test
  void authoringAndTestersGuides_nameEveryGate() {
    for (Gate gate : Gate.values()) {
      assertThat(AUTHORING).as("gate %s in the authoring guide", gate).contains("`" + gate.name() + "`");
      assertThat(TESTERS).as("gate %s in the testers' guide", gate).contains(gate.name());
    }
  }

  @Test
  void authoringGuide_listsEveryLintIdWithItsSeverity() {
    List<LintRule> rules = Linter.rules();

    assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(AUTHORING)
        .as("lint rule %s", rule.id())
        .contains("| `" + rule.id() + "` | " + rule.severity() + " |"));
  }

  @Test
  void authoringGuide_namesEveryTemplateAndProfileField() throws Exception {
    // The field names come from the schemas generated from the model, so a new field fails here
    // until the guide shows it, in code or as a YAML key.
    Set<String> documented = new HashSet<>();
    Matcher code = Pattern.compile("`([^`\\n]+)`").matcher(AUTHORING);
    while (code.find()) {
      documented.addAll(List.of(code.group(1).split("[^A-Za-z0-9]+")));
    }
    Matcher key = Pattern.compile("(?m)^[\\s-]*([A-Za-z][A-Za-z0-9]*):").matcher(AUTHORING);
    while (key.find()) {
      documented.add(key.group(1));
    }
    Set<String> fields = new TreeSet<>();
    for (String schema : List.of("template.schema.json", "profile.schema.json")) {
      new ObjectMapper().readTree(Docs.dir().resolveSibling("schemas").resolve(schema).toFile())
          .findValues("properties").forEach(properties -> properties.fieldNames().forEachRemaining(fields::add));
    }

    assertThat(fields).hasSizeGreaterThan(50)
        .allSatisfy(field -> assertThat(documented).as("template or profile field %s", field).contains(field));
  }

  @Test
  void embeddingGuide_namesEveryCourseEventType() {
    assertThat(CourseEventTypes.names()).isNotEmpty()
        .allSatisfy(type -> assertThat(EMBEDDING).as("event type %s", type).contains("`" + type + "`"));
  }

  @Test
  void cliReference_hasASectionPerSubcommand() {
    CommandLine root = new CommandLine(new KapsdkCommand());

    assertThat(root.getSubcommands().keySet()).isNotEmpty()
        .allSatisfy(name -> assertThat(REFERENCE).as("subcommand %s", name).contains("## `kapsdk " + name + "`"));
  }

  @Test
  void guides_linkTheCliReferenceAndEachOther() {
    for (String guide : Arrays.asList(AUTHORING, TESTERS, EMBEDDING)) {
      assertThat(guide).contains("(cli-reference.md)");
    }
    assertThat(AUTHORING).contains("(testers-guide.md)").contains("(embedding-guide.md)");
  }
}
