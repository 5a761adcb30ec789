package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProfileFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.scenario.ScenarioFile;
import org.kapsdk.core.scenario.ScenarioFiles;
import org.kapsdk.core.scenario.ScenarioResult;
import org.kapsdk.core.scenario.ScenarioRunner;
import org.kapsdk.core.scenario.SuiteResult;
import org.kapsdk.core.validation.ValidationException;

/**
 * Loads every fenced YAML block of the guides in {@code docs/} with the SDK's own readers, so a
 * snippet cannot drift from what the code accepts. Each block is tagged on the line before its
 * fence with {@code <!-- snippet: KIND -->}; the kinds are listed in {@link #check}. A block
 * tagged {@code error="TEXT"} must be refused with a message containing TEXT.
 */
class GuideSnippetsTest {
  /** The instant relative times ({@code T0-10m}) of facts and overrides snippets refer to. */
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  @TempDir Path temp;

  @Test
  void guides_haveSnippetsAndTagEveryYamlBlock() {
    List<Snippet> snippets = allSnippets();

    assertThat(snippets).as("YAML blocks in docs/*.md").hasSizeGreaterThan(20);
    assertThat(snippets.stream().filter(s -> s.kind().isEmpty()).map(Snippet::where))
        .as("YAML blocks without a '<!-- snippet: KIND -->' line before the fence")
        .isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyTaggedSnippet_loadsWithTheSdksReaders() {
    return allSnippets().stream()
        .filter(s -> s.kind().isPresent())
        .map(s -> DynamicTest.dynamicTest(s.where() + " " + s.kind().get(), () -> check(s)));
  }

  @Test
  void check_snippetTheReaderRefuses_failsNamingWhereAndWhy() {
    Snippet bad = new Snippet(Path.of("docs", "x.md"), 7, Optional.of("fragment:rule"), java.util.Map.of(),
        "- id: NO-EVIDENCE\n  severity: BLOCK\n  gate: PRE_DOSE\n  message: m\n  evidence: []\n"
            + "  require: {kind: attestation, attestation: a}\n");

    assertThatThrownBy(() -> check(bad))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("docs/x.md:7 (fragment:rule) does not load")
        .hasMessageContaining("rules[0].evidence: must not be empty");
  }

  @Test
  void check_errorSnippetThatLoads_fails() {
    Snippet loads = new Snippet(Path.of("docs", "x.md"), 3, Optional.of("fragment:condition"),
        java.util.Map.of("error", "anything"), "kind: age\ncomparator: GE\nyears: 65\n");

    assertThatThrownBy(() -> check(loads)).isInstanceOf(AssertionError.class).hasMessageContaining("documented as refused");
  }

  @Test
  void check_unknownKind_fails() {
    Snippet unknown = new Snippet(Path.of("docs", "x.md"), 3, Optional.of("templat"), java.util.Map.of(), "id: x\n");

    assertThatThrownBy(() -> check(unknown)).isInstanceOf(AssertionError.class).hasMessageContaining("unknown snippet kind 'templat'");
  }

  private void check(Snippet s) throws IOException {
    Optional<String> error = s.attribute("error");
    if (error.isPresent()) {
      Throwable thrown = catchThrowable(() -> load(s));
      if (thrown == null) {
        fail(s.where() + " is documented as refused with \"" + error.get() + "\" but loads");
      }
      assertThat(thrown)
          .as("%s is documented as refused with \"%s\"", s.where(), error.get())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining(error.get());
    } else {
      try {
        load(s);
      } catch (ValidationException e) {
        fail(s.where() + " (" + s.kind().orElseThrow() + ") does not load:\n" + e.getMessage());
      }
    }
  }

  private void load(Snippet s) throws IOException {
    String kind = s.kind().orElseThrow();
    // Problems then read "docs/FILE.md (snippet at line N):LINE:COL: path: message"; a fragment's LINE is
    // in the wrapper document, its path names the field.
    String source = "docs/" + s.file().getFileName() + " (" + (kind.startsWith("fragment:") ? "fragment" : "snippet")
        + " at line " + s.line() + ")";
    switch (kind) {
      case "template" -> {
        Optional<ClinicProfile> profile = s.attribute("profile").map(name -> ProfileFiles.read(
            named(s, name, "profile").text(), DocumentFormat.YAML, named(s, name, "profile").where()));
        if (profile.isPresent()) {
          ProtocolFiles.read(s.text(), DocumentFormat.YAML, source, profile.get());
        } else {
          ProtocolFiles.read(s.text(), DocumentFormat.YAML, source);
        }
      }
      case "profile" -> ProfileFiles.read(s.text(), DocumentFormat.YAML, source);
      case "fragment:rule" -> ProtocolFiles.read(Wrapper.rules(s.text()), DocumentFormat.YAML, source);
      case "fragment:condition" ->
          ProtocolFiles.read(Wrapper.condition(s.text(), s.attribute("gate").orElse("PRE_DOSE")), DocumentFormat.YAML, source);
      case "fragment:session" -> ProtocolFiles.read(Wrapper.sessions(s.text()), DocumentFormat.YAML, source);
      case "fragment:phase" -> ProtocolFiles.read(Wrapper.phases(s.text()), DocumentFormat.YAML, source);
      case "facts" -> FactsFiles.read(s.text(), DocumentFormat.YAML, source, T0);
      case "overrides" -> {
        Path file = Files.writeString(temp.resolve("overrides.yaml"), s.text(), StandardCharsets.UTF_8);
        assertThat(OverrideFiles.read(file, T0)).as("%s: overrides", source).isNotEmpty();
      }
      case "scenario" -> runScenarios(s);
      case "course" -> validateCourse(s);
      default -> fail(source + ": unknown snippet kind '" + kind + "'; see GuideSnippetsTest");
    }
  }

  /** A scenario snippet is read, its protocol resolved from {@code docs/}, and every scenario must pass. */
  private static void runScenarios(Snippet s) {
    ScenarioFile file = ScenarioFiles.read(s.text(), DocumentFormat.YAML, s.where());
    Path docs = Docs.dir();
    ProtocolTemplate template = file.profile().isPresent()
        ? ProtocolFiles.read(docs.resolve(file.protocol()), docs.resolve(file.profile().get()))
        : ProtocolFiles.read(docs.resolve(file.protocol()));
    SuiteResult result = ScenarioRunner.create().run(s.where(), file, template);
    List<String> failed = new ArrayList<>();
    for (ScenarioResult r : result.results()) {
      if (!r.passed()) {
        failed.add(r.name() + ": " + String.join("; ", r.mismatches()));
      }
    }
    assertThat(failed).as("%s: scenarios that fail", s.where()).isEmpty();
  }

  /** A course snippet is read, its protocol resolved from {@code docs/}, and every event checked. */
  private static void validateCourse(Snippet s) {
    CourseDocument document = CourseFiles.read(s.text(), DocumentFormat.YAML, s.where());
    ProtocolTemplate template = CourseFiles.resolveProtocol(s.file(), document, id -> Optional.empty());
    CourseRecord.validated(CourseRules.compile(template), document.record().courseId(), document.record().events());
  }

  private static Snippet named(Snippet from, String name, String kind) {
    return allSnippets().stream()
        .filter(o -> o.file().equals(from.file()) && o.kind().equals(Optional.of(kind))
            && o.attribute("name").equals(Optional.of(name)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(from.where() + ": no " + kind + " snippet named '" + name + "' in the same file"));
  }

  private static List<Snippet> allSnippets() {
    return Docs.markdownFiles().stream()
        .flatMap(f -> Snippet.parse(f, Docs.read(f)).stream())
        .collect(Collectors.toList());
  }

  /**
   * The smallest valid template a fragment is placed into: one screening phase and one dosing
   * phase, the evidence keys the guides cite, and the fragment indented where it belongs. Its
   * values are placeholders for the reader, not clinical content.
   */
  static final class Wrapper {
    private static final String HEAD = """
        id: guide-snippet
        version: 1.0.0
        title: Wrapper for a guide snippet
        status: DRAFT
        indications:
          - {system: http://snomed.info/sct, code: "370143000", display: Major depressive disorder}
        evidence:
          - {key: PI, citation: Wrapper source for guide snippets, confirmed: true}
          - {key: REMS-FDA, citation: Wrapper source for guide snippets, confirmed: true}
          - {key: PHQ9, citation: Wrapper source for guide snippets, confirmed: true}
          - {key: JJMI, citation: Wrapper source for guide snippets, confirmed: true}
          - {key: CLINIC, citation: Wrapper clinic policy for guide snippets}
        """;
    private static final String SESSIONS = """
              - id: screening-visit
                kind: SCREENING
                title: Screening
                assessments: [{instrument: PHQ9}]
        """;
    private static final String DOSING_PHASE = """
          - id: induction
            title: Induction
            sessions:
              - id: induction-dose
                kind: DOSING
                title: Dosing session
                repeat: {timesPerWeek: 2, weeks: 4}
                dosing:
                  medication: {system: urn:kapsdk:guide:medication, code: guide-medication}
                  route: INTRANASAL
                  dose: {kind: fixed, amount: 56 mg}
        """;

    private Wrapper() {}

    static String rules(String fragment) {
      return HEAD + "phases:\n" + screening(SESSIONS) + DOSING_PHASE + "rules:\n" + indent(fragment, 2);
    }

    static String condition(String fragment, String gate) {
      return rules("- id: GUIDE-CONDITION\n  severity: WARN\n  gate: " + gate + "\n  message: Guide condition.\n"
          + "  evidence: [PI]\n  require:\n" + indent(fragment, 4));
    }

    static String sessions(String fragment) {
      return HEAD + "phases:\n" + screening(SESSIONS + indent(fragment, 6)) + DOSING_PHASE;
    }

    static String phases(String fragment) {
      return HEAD + "phases:\n" + screening(SESSIONS) + DOSING_PHASE + indent(fragment, 2);
    }

    private static String screening(String sessions) {
      return "  - id: screening\n    title: Screening\n    sessions:\n" + sessions;
    }

    private static String indent(String text, int spaces) {
      String pad = " ".repeat(spaces);
      return text.lines().map(l -> l.isBlank() ? l : pad + l).collect(Collectors.joining("\n")) + "\n";
    }
  }
}
