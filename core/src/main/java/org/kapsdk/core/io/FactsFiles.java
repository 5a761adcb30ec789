package org.kapsdk.core.io;

import java.nio.file.Path;
import java.time.Instant;
import org.kapsdk.core.facts.FactChecks;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.internal.DocumentCodec;

/**
 * Reads and writes patient facts files: the input of {@code kapsdk check}. Times are ISO-8601
 * instants, or relative to the evaluation instant ({@code T0}, {@code T0-40m}, {@code T0-1d}).
 *
 * <p>Problems name paths, lines and columns. A value appears in a message only when it is itself
 * the malformed text (a time or quantity that does not parse); the patient id never does.
 */
public final class FactsFiles {
  private static final DocumentCodec<PatientFacts> CODEC =
      new DocumentCodec<>(PatientFacts.class, "patient facts", FactChecks::problemsOf);

  private FactsFiles() {}

  /**
   * Reads a facts file whose relative times refer to {@code t0}.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static PatientFacts read(Path file, Instant t0) {
    return CODEC.readAt(file, t0);
  }

  /** Reads facts from text whose relative times refer to {@code t0}. */
  public static PatientFacts read(String text, DocumentFormat format, String sourceName, Instant t0) {
    return CODEC.readAt(text, format.syntax(), sourceName, t0);
  }

  /** The facts as text, with absolute instants. */
  public static String write(PatientFacts facts, DocumentFormat format) {
    return CODEC.write(facts, format.syntax());
  }
}
