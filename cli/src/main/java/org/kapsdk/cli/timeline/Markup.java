package org.kapsdk.cli.timeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A tiny writer of XML-compatible HTML: every text and attribute value goes through {@link
 * #escape}, void elements are self-closed, and elements are closed in order, so the output always
 * parses as XML whatever a template's titles hold.
 */
final class Markup {
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens an element; {@code attributes} are name/value pairs, a null value leaves the attribute out. */
  Markup open(String name, @Nullable String... attributes) {
    start(name, attributes);
    out.append('>');
    open.push(name);
    return this;
  }

  /** Closes the innermost open element, which must be {@code name}. */
  Markup close(String name) {
    String top = open.pop();
    if (!top.equals(name)) {
      throw new IllegalStateException("closing " + name + " while " + top + " is open");
    }
    out.append("</").append(name).append(">\n");
    return this;
  }

  /** A self-closed element ({@code <rect …/>}, {@code <meta …/>}). */
  Markup empty(String name, @Nullable String... attributes) {
    start(name, attributes);
    out.append("/>\n");
    return this;
  }

  /** An element holding only text. */
  Markup element(String name, String text, @Nullable String... attributes) {
    start(name, attributes);
    out.append('>').append(escape(text)).append("</").append(name).append(">\n");
    return this;
  }

  /** Escaped text. */
  Markup text(String text) {
    out.append(escape(text));
    return this;
  }

  /** Text written as it is: only for the house style sheet and the doctype, never for data. */
  Markup raw(String trusted) {
    out.append(trusted);
    return this;
  }

  /** The document; every element must have been closed. */
  String finish() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed element " + open.peek());
    }
    return out.toString();
  }

  private void start(String name, @Nullable String... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
      }
    }
  }

  /**
   * The text with {@code & < > " '} as entities. Characters XML 1.0 cannot hold at all (control
   * characters other than tab and line ends, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so
   * text from a file can never make the document unreadable.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            b.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
              || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A coordinate: whole numbers without a fraction, others with one decimal; never locale-dependent. */
  static String num(double v) {
    double r = Math.round(v * 10) / 10.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    return String.format(Locale.ROOT, "%.1f", r);
  }
}
