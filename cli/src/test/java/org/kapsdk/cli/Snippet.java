package org.kapsdk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced YAML block of a guide in {@code docs/}, with the tag on the line before its fence:
 * {@code <!-- snippet: KIND key=value key="quoted value" -->}. An untagged YAML block has no
 * kind; the snippet test refuses it.
 */
record Snippet(Path file, int line, Optional<String> kind, Map<String, String> attributes, String text) {
  private static final Pattern TAG = Pattern.compile("^<!--\\s*snippet:\\s*(\\S+)(.*?)\\s*-->\\s*$");
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))");

  /** Where the snippet is, as {@code docs/FILE.md:LINE} (the line of its opening fence). */
  String where() {
    return "docs/" + file.getFileName() + ":" + line;
  }

  Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** Every fenced {@code yaml} or {@code yml} block of a Markdown text, in order. */
  static List<Snippet> parse(Path file, String markdown) {
    List<String> lines = markdown.lines().toList();
    List<Snippet> snippets = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```")) {
        i++;
        continue;
      }
      String language = fence.substring(3).strip();
      int open = i;
      StringBuilder body = new StringBuilder();
      i++;
      while (i < lines.size() && !lines.get(i).strip().equals("```")) {
        body.append(lines.get(i)).append('\n');
        i++;
      }
      i++;
      if (language.equals("yaml") || language.equals("yml")) {
        Optional<String> kind = Optional.empty();
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher tag = open == 0 ? null : TAG.matcher(lines.get(open - 1).strip());
        if (tag != null && tag.matches()) {
          kind = Optional.of(tag.group(1));
          Matcher a = ATTRIBUTE.matcher(tag.group(2));
          while (a.find()) {
            attributes.put(a.group(1), a.group(2) != null ? a.group(2) : a.group(3));
          }
        }
        snippets.add(new Snippet(file, open + 1, kind, attributes, body.toString()));
      }
    }
    return snippets;
  }
}
