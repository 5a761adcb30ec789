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
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

/**
 * Places problems found after a document was read (a template the planner cannot schedule, a
 * course event the record refuses) at the line and column of their path in the file, so that
 * every problem a user sees names its file and line, not only those the reader found.
 */
public final class Locations {
  private Locations() {}

  /**
   * Places problems at the line and column of their path in a kapsdk YAML or JSON file, or of the nearest enclosing value the file
   * holds. Problems that already have a place keep it; if the file can no longer be read, the
   * problems point at the whole file.
   */
  public static List<Problem> inFile(Path file, List<Problem> problems) {
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
