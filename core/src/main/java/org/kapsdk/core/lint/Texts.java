package org.kapsdk.core.lint;

import java.time.Duration;
import java.util.Locale;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.TimeAnchor;

/** Text pieces the lint messages share. */
final class Texts {
  private Texts() {}

  /**
   * The text on one line: control characters and line or paragraph separators (which a display
   * text read from a file may hold) become spaces.
   */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean breaks = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
      out.appendCodePoint(breaks ? ' ' : c);
    });
    return out.toString();
  }

  /** {@code Systolic blood pressure (8480-6)}. */
  static String code(Code code) {
    return Codes.nameOf(code) + " (" + code.code() + ")";
  }

  static String duration(Duration d) {
    return DurationText.format(d);
  }

  /** {@code the first administration}. */
  static String anchor(TimeAnchor anchor) {
    return "the " + anchor.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** {@code 1 error}, {@code 2 sessions}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
