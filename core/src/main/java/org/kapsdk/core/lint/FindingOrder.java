package org.kapsdk.core.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of a report: by path, segment by segment (field names alphabetically, list indexes
 * by number, a path before the paths below it), then by id, then by message.
 */
final class FindingOrder implements Comparator<LintFinding> {
  static final FindingOrder INSTANCE = new FindingOrder();

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  private FindingOrder() {}

  @Override
  public int compare(LintFinding a, LintFinding b) {
    int c = comparePaths(a.path(), b.path());
    if (c != 0) {
      return c;
    }
    c = a.id().compareTo(b.id());
    return c != 0 ? c : a.message().compareTo(b.message());
  }

  static int comparePaths(String a, String b) {
    List<Object> x = segments(a);
    List<Object> y = segments(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof Long m && q instanceof Long n) {
        c = Long.compare(m, n);
      } else if (p instanceof String m && q instanceof String n) {
        c = m.compareTo(n);
      } else {
        c = p instanceof String ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      if (m.group(1) != null) {
        out.add(m.group(1));
      } else {
        String digits = m.group(2);
        out.add(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
      }
    }
    return out;
  }
}
