package org.kapsdk.core.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.io.DocumentFormat;
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
      new DocumentCodec<>(ScenarioFile.class, "a scenario file", f -> List.<Problem>of());

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

  /** The scenarios as text in the given format. */
  public static String write(ScenarioFile file, DocumentFormat format) {
    return CODEC.write(file, format == DocumentFormat.YAML ? DocumentCodec.Syntax.YAML : DocumentCodec.Syntax.JSON);
  }
}
