package org.kapsdk.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.SourceMap;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

/**
 * Places problems found after a document was read (a template the planner cannot schedule, a
 * course event the record refuses, a lint finding) at the line and column of their path in the
 * file, so that every problem a user sees names its file and line, not only those the reader
 * found.
 */
public final class Locations {
  private Locations() {}

  /**
   * Places problems at the line and column of their path in a kapsdk YAML or JSON file, or of the nearest enclosing value the file
   * holds. Problems that already have a place keep it; if the file can no longer be read, the
   * problems point at the whole file.
   */
  public static List<Problem> inFile(Path file, List<Problem> problems) {
    List<String> paths = new ArrayList<>(problems.size());
    problems.forEach(p -> paths.add(p.path()));
    List<SourceLocation> locations = of(file, paths);
    List<Problem> placed = new ArrayList<>(problems.size());
    for (int i = 0; i < problems.size(); i++) {
      Problem p = problems.get(i);
      placed.add(p.location().isPresent() ? p : p.withLocation(locations.get(i)));
    }
    return placed;
  }

  /**
   * The line and column of each path (in the notation of {@link Problem#path()}, such as
   * {@code phases[1].sessions[0].monitoring}) in a kapsdk YAML or JSON file, or of the nearest
   * enclosing value the file holds, in the order given; every path points at the whole file if
   * the file can no longer be read. For findings that are not problems, such as lint findings.
   */
  public static List<SourceLocation> of(Path file, List<String> paths) {
    String source = file.toString();
    SourceMap map = map(file);
    List<SourceLocation> out = new ArrayList<>(paths.size());
    for (String path : paths) {
      out.add(map == null ? SourceLocation.wholeDocument(source) : map.locate(path));
    }
    return out;
  }

  /**
   * Places problems at the line and column of their path in a document held as text, such as a
   * built-in protocol, as {@link #inFile(Path, List)} does for a file.
   *
   * @param sourceName how the locations name the document, for example {@code builtin:<id>}
   */
  public static List<Problem> inText(String text, DocumentFormat format, String sourceName, List<Problem> problems) {
    List<String> paths = new ArrayList<>(problems.size());
    problems.forEach(p -> paths.add(p.path()));
    List<SourceLocation> locations = of(text, format, sourceName, paths);
    List<Problem> placed = new ArrayList<>(problems.size());
    for (int i = 0; i < problems.size(); i++) {
      Problem p = problems.get(i);
      placed.add(p.location().isPresent() ? p : p.withLocation(locations.get(i)));
    }
    return placed;
  }

  /**
   * The line and column of each path in a document held as text, as {@link #of(Path, List)}
   * gives them for a file.
   *
   * @param sourceName how the locations name the document, for example {@code builtin:<id>}
   */
  public static List<SourceLocation> of(String text, DocumentFormat format, String sourceName, List<String> paths) {
    SourceMap map;
    try {
      map = SourceMap.of(sourceName, text.startsWith("\uFEFF") ? text.substring(1) : text,
          format == DocumentFormat.YAML ? Mappers.yaml() : Mappers.json());
    } catch (RuntimeException e) {
      map = null;
    }
    List<SourceLocation> out = new ArrayList<>(paths.size());
    for (String path : paths) {
      out.add(map == null ? SourceLocation.wholeDocument(sourceName) : map.locate(path));
    }
    return out;
  }

  private static @Nullable SourceMap map(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return SourceMap.of(file.toString(), text,
          DocumentCodec.syntaxOf(file) == DocumentCodec.Syntax.YAML ? Mappers.yaml() : Mappers.json());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
