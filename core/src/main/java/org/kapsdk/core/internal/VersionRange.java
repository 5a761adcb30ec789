package org.kapsdk.core.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of semantic versions, written as an exact version ({@code 1.0.0}) or as comparisons
 * joined by spaces, all of which must hold ({@code >=1.0.0 <2.0.0}; operators {@code >=},
 * {@code >}, {@code <=}, {@code <}, {@code =}). Versions compare by semantic-version precedence:
 * numerically by major, minor and patch, a pre-release below its release, build metadata
 * ignored.
 */
public final class VersionRange {
  private static final String SEMVER =
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?";
  private static final Pattern VERSION = Pattern.compile(SEMVER);
  private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)? *(" + SEMVER + ")");

  /** The accepted forms, for messages. */
  public static final String EXPECTED =
      "expected a version such as 1.0.0, or comparisons such as '>=1.0.0 <2.0.0' (>=, >, <=, <, =)";

  private final String text;
  private final List<Comparison> comparisons;

  private record Comparison(String operator, String version) {}

  private VersionRange(String text, List<Comparison> comparisons) {
    this.text = text;
    this.comparisons = comparisons;
  }

  /**
   * Parses a range.
   *
   * @throws IllegalArgumentException with {@link #EXPECTED} in the message
   */
  public static VersionRange parse(String text) {
    String rest = text.strip();
    List<Comparison> comparisons = new ArrayList<>();
    Matcher m = COMPARISON.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("'" + text + "' is not a version range; " + EXPECTED);
      }
      comparisons.add(new Comparison(m.group(1) == null ? "=" : m.group(1), m.group(2)));
      at = m.end();
      if (at < rest.length()) {
        if (rest.charAt(at) != ' ') {
          throw new IllegalArgumentException("'" + text + "' is not a version range; " + EXPECTED);
        }
        while (at < rest.length() && rest.charAt(at) == ' ') {
          at++;
        }
      }
    }
    if (comparisons.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not a version range; " + EXPECTED);
    }
    return new VersionRange(text, List.copyOf(comparisons));
  }

  /** Whether a semantic version lies in the range; a text that is not a semantic version never does. */
  public boolean contains(String version) {
    if (!VERSION.matcher(version).matches()) {
      return false;
    }
    for (Comparison c : comparisons) {
      int cmp = compare(version, c.version());
      boolean ok =
          switch (c.operator()) {
            case ">=" -> cmp >= 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            case "<" -> cmp < 0;
            default -> cmp == 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Compares two semantic versions by precedence. */
  public static int compare(String a, String b) {
    Matcher x = VERSION.matcher(a);
    Matcher y = VERSION.matcher(b);
    if (!x.matches() || !y.matches()) {
      throw new IllegalArgumentException("not semantic versions: " + a + ", " + b);
    }
    for (int i = 1; i <= 3; i++) {
      int cmp = new BigInteger(x.group(i)).compareTo(new BigInteger(y.group(i)));
      if (cmp != 0) {
        return cmp;
      }
    }
    String pa = x.group(4);
    String pb = y.group(4);
    if (pa == null || pb == null) {
      return pa == null ? (pb == null ? 0 : 1) : -1;
    }
    String[] ia = pa.split("\\.");
    String[] ib = pb.split("\\.");
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      boolean na = ia[i].chars().allMatch(Character::isDigit);
      boolean nb = ib[i].chars().allMatch(Character::isDigit);
      int cmp;
      if (na && nb) {
        cmp = new BigInteger(ia[i]).compareTo(new BigInteger(ib[i]));
      } else if (na || nb) {
        cmp = na ? -1 : 1;
      } else {
        cmp = ia[i].compareTo(ib[i]);
      }
      if (cmp != 0) {
        return cmp;
      }
    }
    return Integer.compare(ia.length, ib.length);
  }

  /** The range as written. */
  @Override
  public String toString() {
    return text;
  }
}
