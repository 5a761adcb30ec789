package org.kapsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The {@code --json} output of every command: one JSON document on stdout, fields in the order
 * they were added, two-space indentation, {@code \n} line ends on every platform, and non-ASCII
 * characters escaped so the bytes do not depend on the console's encoding.
 */
final class JsonOutput {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonOutput() {}

  /** A new, empty JSON object whose fields keep the order they are added in. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new, empty JSON array. */
  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** The document as text, ending in a line break. */
  static String render(JsonNode document) {
    try {
      return WRITER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON output: " + e.getOriginalMessage(), e);
    }
  }

  /** Prints the document to {@code out}. */
  static void print(PrintWriter out, JsonNode document) {
    out.print(render(document));
    out.flush();
  }
}
