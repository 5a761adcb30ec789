package org.kapsdk.core.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.StructuralChecks;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;

/**
 * Reads scenario files (YAML, or JSON) with the same strictness as template files. Times may be
 * relative to the file's {@code clock}: {@code T0}, {@code T0+40m}, {@code T0-1d},
 * {@code T0+1d+2h}, with units s, m (minutes), h, d and w.
 */
public final class ScenarioFiles {
  /** The instant {@code T0} stands for when a file states no {@code clock}. */
  public static final Instant DEFAULT_CLOCK = Instant.parse("2026-01-05T09:00:00Z");

  private static final DocumentCodec<ScenarioFile> CODEC =
      new DocumentCodec<>(ScenarioFile.class, "a scenario file", ScenarioFiles::problemsOf);

  private ScenarioFiles() {}

  /**
   * Reads a scenario file.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem with file, line and column
   */
  public static ScenarioFile read(Path file) {
    return CODEC.readWithClock(file, "clock", DEFAULT_CLOCK);
  }

  /** Reads scenarios from text; {@code sourceName} names the document in problems. */
  public static ScenarioFile read(String text, DocumentFormat format, String sourceName) {
    return CODEC.readWithClock(text, format == DocumentFormat.YAML ? DocumentCodec.Syntax.YAML : DocumentCodec.Syntax.JSON,
        sourceName, "clock", DEFAULT_CLOCK);
  }

  /**
   * The codes in fixtures and scenario facts, checked where they are written: the reader defers
   * nested checks, and the facts a scenario resolves to are checked only under the scenario, so
   * a blank code in a fixture would otherwise be reported at every scenario using it.
   */
  private static List<Problem> problemsOf(ScenarioFile file) {
    List<Problem> problems = new ArrayList<>();
    file.fixtures().forEach((name, patch) -> codes(problems, Paths.join("fixtures", name), patch));
    for (int i = 0; i < file.scenarios().size(); i++) {
      codes(problems, Paths.join(Paths.index("scenarios", i), "facts"), file.scenarios().get(i).facts());
    }
    return problems;
  }

  private static void codes(List<Problem> problems, String path, FactsPatch patch) {
    for (int i = 0; i < patch.observations().size(); i++) {
      code(problems, Paths.join(Paths.index(Paths.join(path, "observations"), i), "code"), patch.observations().get(i).code());
    }
    patch.conditions().ifPresent(c -> codes(problems, Paths.join(path, "conditions.codes"), c.codes()));
    patch.medications().ifPresent(m -> codes(problems, Paths.join(path, "medications.codes"), m.codes()));
  }

  private static void codes(List<Problem> problems, String path, List<Code> codes) {
    for (int i = 0; i < codes.size(); i++) {
      code(problems, Paths.index(path, i), codes.get(i));
    }
  }

  private static void code(List<Problem> problems, String path, Code code) {
    StructuralChecks.problemsOf(code).forEach(p -> problems.add(p.under(path)));
  }

  /** The scenarios as text in the given format. */
  public static String write(ScenarioFile file, DocumentFormat format) {
    return CODEC.write(file, format == DocumentFormat.YAML ? DocumentCodec.Syntax.YAML : DocumentCodec.Syntax.JSON);
  }
}
