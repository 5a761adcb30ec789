package org.kapsdk.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.SourceMap;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.StructuralChecks;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

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

  /**
   * Places problems found on a template after it was read (by the planner, say) at the line and
   * column of their path in the template's file, or of the nearest enclosing value the file
   * holds. Problems that already have a place keep it; if the file can no longer be read, the
   * problems point at the whole file.
   */
  public static List<Problem> placeInFile(Path file, List<Problem> problems) {
    String source = file.toString();
    SourceMap map;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      map = SourceMap.of(source, text,
          DocumentCodec.syntaxOf(file) == DocumentCodec.Syntax.YAML ? Mappers.yaml() : Mappers.json());
    } catch (IOException | RuntimeException e) {
      map = null;
    }
    List<Problem> placed = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      if (p.location().isPresent()) {
        placed.add(p);
      } else {
        placed.add(p.withLocation(map == null ? SourceLocation.wholeDocument(source) : map.locate(p.path())));
      }
    }
    return placed;
  }
}
