package org.kapsdk.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.internal.TreePaths;
import org.kapsdk.core.validation.SourceLocation;

/**
 * The placeholders of a template's text: every scalar value written {@code ${name}} as a whole,
 * found with one streaming pass over the parsed document, with its path, its place and the exact
 * characters that spell it, so that it can be replaced in the text without moving any other line.
 */
final class Placeholders {
  private static final Pattern WHOLE = Pattern.compile("\\$\\{([^{}]*)}");

  private Placeholders() {}

  /**
   * One placeholder.
   *
   * @param start the index of its first character in the text (an opening quote included)
   * @param end the index after its last character, or -1 when it is written in a form the text
   *     cannot be rewritten in (escapes, block scalars)
   */
  record Placeholder(String name, String path, SourceLocation location, int start, int end) {
    boolean rewritable() {
      return end >= 0;
    }
  }

  /**
   * What a scan found: the placeholders, whether the document has a top-level {@code parameters}
   * field, and where a YAML flow collection cut an unquoted placeholder short (a value {@code $}
   * followed by a mapping: in {@code [ ]} and {@code { }} braces are syntax).
   */
  record Scan(List<Placeholder> placeholders, boolean declaresParameters, List<Placeholder> cutShort) {}

  /**
   * Scans a document. Text that does not parse is scanned up to the point of failure; the
   * reader reports the failure with its place.
   */
  static Scan scan(String text, DocumentCodec.Syntax syntax, String source, ObjectMapper mapper) {
    List<Placeholder> found = new ArrayList<>();
    List<Placeholder> cut = new ArrayList<>();
    boolean declares = false;
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent() != null
            && parser.getParsingContext().getParent().inRoot() && "parameters".equals(parser.currentName())) {
          declares = true;
        }
        if (token != JsonToken.VALUE_STRING) {
          continue;
        }
        if (syntax == DocumentCodec.Syntax.YAML && "$".equals(parser.getText())) {
          JsonLocation at = parser.currentTokenLocation();
          cut.add(new Placeholder("", TreePaths.fromPointer(parser.getParsingContext().pathAsPointer().toString()),
              SourceLocation.of(source, at.getLineNr(), Math.max(1, at.getColumnNr())), -1, -1));
          continue;
        }
        Matcher m = WHOLE.matcher(parser.getText());
        if (!m.matches()) {
          continue;
        }
        JsonLocation at = parser.currentTokenLocation();
        String path = TreePaths.fromPointer(parser.getParsingContext().pathAsPointer().toString());
        SourceLocation location = SourceLocation.of(source, at.getLineNr(), Math.max(1, at.getColumnNr()));
        int start = index(text, syntax, at.getCharOffset());
        found.add(new Placeholder(m.group(1), path, location, start, end(text, start, m.group())));
      }
    } catch (IOException | RuntimeException e) {
      // Malformed text: what was found so far stands; binding reports the failure.
    }
    return new Scan(List.copyOf(found), declares, List.copyOf(cut));
  }

  /** The placeholder's exact characters at {@code start}: plain, or in double or single quotes. */
  private static int end(String text, int start, String placeholder) {
    if (start < 0 || start >= text.length()) {
      return -1;
    }
    if (text.startsWith(placeholder, start)) {
      return start + placeholder.length();
    }
    char quote = text.charAt(start);
    if ((quote == '"' || quote == '\'') && text.startsWith(quote + placeholder + quote, start)) {
      return start + placeholder.length() + 2;
    }
    return -1;
  }

  /** The char index of a token offset: YAML counts code points, JSON counts chars. */
  private static int index(String text, DocumentCodec.Syntax syntax, long offset) {
    if (offset < 0 || offset > text.length()) {
      return -1;
    }
    if (syntax == DocumentCodec.Syntax.JSON) {
      return (int) offset;
    }
    try {
      return text.offsetByCodePoints(0, (int) offset);
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /**
   * The text with each placeholder replaced by its literal, padded with spaces to the
   * placeholder's length where it is shorter, so every other token keeps its line and column.
   *
   * @param literals one per placeholder, in scan order: a whole number or a double-quoted string
   */
  static String substitute(String text, List<Placeholder> placeholders, List<String> literals) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int at = 0;
    for (int i = 0; i < placeholders.size(); i++) {
      Placeholder p = placeholders.get(i);
      out.append(text, at, p.start());
      String literal = literals.get(i);
      out.append(literal);
      for (int pad = literal.length(); pad < p.end() - p.start(); pad++) {
        out.append(' ');
      }
      at = p.end();
    }
    return out.append(text.substring(at)).toString();
  }

  /** A string as a literal both YAML and JSON read as that string. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
