package org.kapsdk.core.io;

import java.nio.file.Path;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.StructuralChecks;

/**
 * Reads and writes protocol templates as YAML or JSON: the one entry point for template files.
 *
 * <p>Reading is strict and all-or-nothing. Unknown fields, duplicate keys, nulls, wrong types,
 * malformed or truncated text, an empty file and a file over 4 MiB are errors, and so is every
 * structural problem the builders would report. Each problem names the file, the line and
 * column, the path ({@code phases[1].sessions[0].dosing.maxPerSession}) and what was expected,
 * and all of them arrive together in one {@link org.kapsdk.core.validation.ValidationException}.
 *
 * <p>Writing is deterministic and exact: reading what was written gives an equal template.
 *
 * <pre>{@code
 * ProtocolTemplate template = ProtocolFiles.read(Path.of("protocols/esketamine-trd.yaml"));
 * String json = ProtocolFiles.write(template, DocumentFormat.JSON);
 * }</pre>
 */
public final class ProtocolFiles {
  private static final DocumentCodec<ProtocolTemplate> CODEC =
      new DocumentCodec<>(ProtocolTemplate.class, "a protocol template", StructuralChecks::problemsOf);

  private ProtocolFiles() {}

  /**
   * Reads a template file; the format follows the extension ({@code .yaml}, {@code .yml},
   * {@code .json}).
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem, each with
   *     file, line, column and path, when the file is missing, unreadable, malformed or
   *     structurally invalid
   */
  public static ProtocolTemplate read(Path file) {
    return CODEC.read(file);
  }

  /**
   * Reads a template from text.
   *
   * @param sourceName how problems name the document, for example a file name or {@code <request>}
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  public static ProtocolTemplate read(String text, DocumentFormat format, String sourceName) {
    return CODEC.read(text, format.syntax(), sourceName);
  }

  /** The template as YAML or JSON text; the same template always gives the same text. */
  public static String write(ProtocolTemplate template, DocumentFormat format) {
    return CODEC.write(template, format.syntax());
  }

  /**
   * Writes the template to a file in the format its extension implies, atomically: the file
   * never holds a partial document.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(ProtocolTemplate template, Path file) {
    CODEC.write(template, file);
  }
}
