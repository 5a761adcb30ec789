package org.kapsdk.cli;

import java.util.Locale;

/** Small text helpers the commands share. */
final class Texts {
  private Texts() {}

  /**
   * The text on one line: line breaks, tabs and other control characters escaped ({@code \n},
   * {@code \t}, {@code \u0007}), everything else as it is, so that text from a document can
   * never break the layout of a report.
   */
  static String oneLine(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isISOControl(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out == null ? text : out.toString();
  }

  /** {@code 1 scenario}, {@code 2 scenarios}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The text padded with spaces to the given width. */
  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
