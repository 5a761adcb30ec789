package org.kapsdk.core.io;

import java.nio.file.Path;
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

  DocumentCodec.Syntax syntax() {
    return this == YAML ? DocumentCodec.Syntax.YAML : DocumentCodec.Syntax.JSON;
  }
}
