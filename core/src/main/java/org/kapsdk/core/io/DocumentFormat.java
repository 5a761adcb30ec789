package org.kapsdk.core.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.kapsdk.core.internal.DocumentCodec;

/** The two syntaxes of every kapsdk document; both carry exactly the same information. */
public enum DocumentFormat {
  YAML,
  JSON;

  /**
   * The format a file name implies: {@code .yaml} and {@code .yml} are YAML, {@code .json} is
   * JSON.
   *
   * @throws org.kapsdk.core.validation.ValidationException for any other extension
   */
  public static DocumentFormat of(Path file) {
    return DocumentCodec.syntaxOf(file) == DocumentCodec.Syntax.YAML ? YAML : JSON;
  }

  /**
   * The format a file name implies, in any case ({@code .yaml}, {@code .yml}, {@code .json}); empty
   * for any other name. What every tool uses to tell a kapsdk document from other files, and a
   * template path from a built-in protocol id.
   */
  public static Optional<DocumentFormat> fromName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return lower.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
  }

  DocumentCodec.Syntax syntax() {
    return this == YAML ? DocumentCodec.Syntax.YAML : DocumentCodec.Syntax.JSON;
  }
}
