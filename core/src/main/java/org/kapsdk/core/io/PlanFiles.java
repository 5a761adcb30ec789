package org.kapsdk.core.io;

import java.nio.file.Path;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.PlanChecks;

/**
 * Reads and writes course plans as YAML or JSON. Writing is deterministic (equal plans give the
 * same text) and exact (reading what was written gives an equal plan); reading is as strict as
 * for templates and reports every problem with file, line, column and path.
 */
public final class PlanFiles {
  private static final DocumentCodec<CoursePlan> CODEC =
      new DocumentCodec<>(CoursePlan.class, "a course plan", PlanChecks::problemsOf);

  private PlanFiles() {}

  /**
   * Reads a plan file; the format follows the extension.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static CoursePlan read(Path file) {
    return CODEC.read(file);
  }

  /**
   * Reads a plan from text.
   *
   * @param sourceName how problems name the document
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static CoursePlan read(String text, DocumentFormat format, String sourceName) {
    return CODEC.read(text, format.syntax(), sourceName);
  }

  /** The plan as YAML or JSON text; the same plan always gives the same text. */
  public static String write(CoursePlan plan, DocumentFormat format) {
    return CODEC.write(plan, format.syntax());
  }

  /**
   * Writes the plan to a file in the format its extension implies, atomically.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(CoursePlan plan, Path file) {
    CODEC.write(plan, file);
  }
}
