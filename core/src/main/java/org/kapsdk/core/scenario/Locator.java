package org.kapsdk.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.Mappers;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.SourceLocation;

/**
 * Places problems the runner finds (after the file was read) at the line and column of their
 * path in the scenario file, or of the nearest ancestor the file contains.
 */
final class Locator {
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private final String source;
  private final Map<String, SourceLocation> byPointer;

  private Locator(String source, Map<String, SourceLocation> byPointer) {
    this.source = source;
    this.byPointer = byPointer;
  }

  /** Problems without a place get the whole document. */
  static Locator wholeDocument(String source) {
    return new Locator(source, Map.of());
  }

  /** Maps a file that has already been read successfully; unreadable text maps nothing. */
  static Locator of(Path file) {
    String source = file.toString();
    Map<String, SourceLocation> map = new HashMap<>();
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      var mapper = DocumentCodec.syntaxOf(file) == DocumentCodec.Syntax.YAML ? Mappers.yaml() : Mappers.json();
      try (JsonParser parser = mapper.getFactory().createParser(text)) {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            continue;
          }
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          map.putIfAbsent(pointer, location(source, parser.currentTokenLocation()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Keep what was mapped; the rest falls back to the nearest ancestor or the whole document.
    }
    return new Locator(source, map);
  }

  private static SourceLocation location(String source, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourceLocation.wholeDocument(source);
    }
    return SourceLocation.of(source, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** The problems, each placed at its path unless it already has a place. */
  List<Problem> place(List<Problem> problems) {
    return problems.stream().map(p -> p.location().isPresent() ? p : p.withLocation(locate(p.path()))).toList();
  }

  private SourceLocation locate(String path) {
    if (byPointer.isEmpty()) {
      return SourceLocation.wholeDocument(source);
    }
    StringBuilder pointer = new StringBuilder();
    SourceLocation best = byPointer.getOrDefault("", SourceLocation.of(source, 1, 1));
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      String segment = m.group(1) != null ? m.group(1) : m.group(2);
      pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
      SourceLocation found = byPointer.get(pointer.toString());
      if (found == null) {
        break;
      }
      best = found;
    }
    return best;
  }
}
