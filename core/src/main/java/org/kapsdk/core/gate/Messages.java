package org.kapsdk.core.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills a rule's message template with what an evaluation found. */
final class Messages {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(value|threshold|measuredAt|elapsed|missing)}");

  private Messages() {}

  static String fill(String template, Finding f, String elapsed) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m.group(1), f, elapsed)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String valueOf(String name, Finding f, String elapsed) {
    switch (name) {
      case "value":
        return f.primaryValue();
      case "threshold":
        return f.thresholdValue();
      case "measuredAt":
        return f.factsUsed().stream().flatMap(u -> u.at().stream()).findFirst().map(Object::toString).orElse("(no time)");
      case "elapsed":
        return elapsed == null ? "(unknown)" : elapsed;
      case "missing":
        return f.missingFacts().isEmpty() ? "(nothing)" : String.join(", ", f.missingFacts());
      default:
        throw new AssertionError(name);
    }
  }
}
