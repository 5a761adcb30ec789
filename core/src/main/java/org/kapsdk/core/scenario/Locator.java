package org.kapsdk.core.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.internal.SourceMap;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

/**
 * Places problems the runner finds (after the file was read) at the line and column of their
 * path in the scenario file, or of the nearest ancestor the file contains.
 */
final class Locator {
  private final String source;
  private final @Nullable SourceMap map;

  private Locator(String source, @Nullable SourceMap map) {
    this.source = source;
    this.map = map;
  }

  /** Problems without a place get the whole document. */
  static Locator wholeDocument(String source) {
    return new Locator(source, null);
  }

  /** Maps a file that has already been read successfully; unreadable text maps nothing. */
  static Locator of(Path file) {
    String source = file.toString();
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      var mapper = DocumentCodec.syntaxOf(file) == DocumentCodec.Syntax.YAML ? Mappers.yaml() : Mappers.json();
      return new Locator(source, SourceMap.of(source, text, mapper));
    } catch (IOException | RuntimeException e) {
      // The file was read moments ago; if it cannot be now, problems point at the whole file.
      return wholeDocument(source);
    }
  }

  /** The problems, each placed at its path unless it already has a place. */
  List<Problem> place(List<Problem> problems) {
    return problems.stream().map(p -> p.location().isPresent() ? p : p.withLocation(locate(p.path()))).toList();
  }

  private SourceLocation locate(String path) {
    return map == null ? SourceLocation.wholeDocument(source) : map.locate(path);
  }
}
