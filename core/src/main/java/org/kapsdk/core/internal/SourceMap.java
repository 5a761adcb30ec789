package org.kapsdk.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kapsdk.core.validation.SourceLocation;

/**
 * Where each path of a document starts: the key of an object field, the first token of a list
 * element. Built from a second, streaming pass over text that already parsed, so that problems
 * found on the bound value can be pointed at a line and column.
 */
public final class SourceMap {
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private final String source;
  private final Map<String, SourceLocation> byPointer;

  private SourceMap(String source, Map<String, SourceLocation> byPointer) {
    this.source = source;
    this.byPointer = byPointer;
  }

  /** Maps the document; a document that does not parse maps nothing beyond the point of failure. */
  public static SourceMap of(String source, String text, ObjectMapper mapper) {
    Map<String, SourceLocation> map = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // A new object or list has no name or index of its own yet, so its pointer is its parent's.
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        map.putIfAbsent(pointer, locationOf(source, parser.currentTokenLocation()));
      }
    } catch (IOException | RuntimeException e) {
      // The binding pass reports parse failures; this pass keeps what it mapped so far.
    }
    return new SourceMap(source, map);
  }

  static SourceLocation locationOf(String source, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourceLocation.wholeDocument(source);
    }
    return SourceLocation.of(source, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /**
   * The location of a dotted path such as {@code phases[1].sessions[0].id}, or of its nearest
   * ancestor that appears in the document (a missing field is pointed at the object that lacks
   * it).
   */
  public SourceLocation locate(String path) {
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
