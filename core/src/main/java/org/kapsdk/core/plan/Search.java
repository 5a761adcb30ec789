package org.kapsdk.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.validation.Problem;

/**
 * The backtracking search that places session occurrences one after another. Each occurrence
 * tries the days of its window nearest its target first (later first on a tie), skipping closed
 * days and days that would break an interval constraint, its own or that of a session already
 * placed after it. When an occurrence has no day left, the search goes back to the previous one
 * and tries its next day, within a budget of tries once backtracking has begun.
 *
 * <p>On failure, the problems describe the deepest occurrence the search could not place, as it
 * was the first time the search got that far.
 */
final class Search {
  /** Where occurrences come from: a fresh plan or a re-plan. */
  interface Source {
    /** The occurrence after those placed so far, or null when the plan is complete. */
    @Nullable Slot next(Search search);
  }

  /** Tries allowed once backtracking has begun. */
  static final int BUDGET = 100_000;
  private static final int LIST_LIMIT = 14;
  private static final int DETAIL_LIMIT = 5;

  /** The order of sessions: date, then held or missed before planned, then course order. */
  record Key(LocalDate date, int group, int rank, int occurrence) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = date.compareTo(o.date);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(group, o.group);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(rank, o.rank);
      return c != 0 ? c : Integer.compare(occurrence, o.occurrence);
    }
  }

  /** A maximum interval from a session already held that history has broken. */
  record Unmet(Course.Rule rule, Level from) {}

  /** An occurrence on the search stack: its slot, its day, and why other days were refused. */
  static final class Level {
    final Slot slot;
    @Nullable LocalDate date;
    @Nullable Key key;
    List<Unmet> unmet = List.of();
    private long d;
    private boolean earlierSide;
    private boolean pinnedTried;
    final List<LocalDate> closed = new ArrayList<>();
    final Map<String, Rejection> rejections = new LinkedHashMap<>();
    @Nullable String preferredRefused;

    Level(Slot slot) {
      this.slot = slot;
      long before = Days.between(slot.target, slot.lo);
      long after = Days.between(slot.hi, slot.target);
      this.d = Math.max(0, Math.max(before, after));
    }

    @Nullable LocalDate nextCandidate() {
      if (slot.pinned) {
        if (pinnedTried) {
          return null;
        }
        pinnedTried = true;
        return slot.target;
      }
      if (slot.lo.isAfter(slot.hi)) {
        return null;
      }
      while (true) {
        LocalDate later = slot.target.plusDays(d);
        LocalDate earlier = slot.target.minusDays(d);
        if (later.isAfter(slot.hi) && earlier.isBefore(slot.lo)) {
          return null;
        }
        if (!earlierSide) {
          earlierSide = true;
          if (inWindow(later)) {
            return later;
          }
        } else {
          earlierSide = false;
          d++;
          if (d > 1 && inWindow(earlier)) {
            return earlier;
          }
        }
      }
    }

    private boolean inWindow(LocalDate date) {
      return !date.isBefore(slot.lo) && !date.isAfter(slot.hi);
    }

    LocalDate date() {
      if (date == null) {
        throw new IllegalStateException("not placed");
      }
      return date;
    }

    String on() {
      return slot.t.id() + " #" + slot.occurrence + (slot.status == ItemStatus.HELD ? " held on " : " on ")
          + date();
    }
  }

  /** The days one constraint refused. */
  static final class Rejection {
    final String path;
    final String head;
    final TreeMap<LocalDate, String> details = new TreeMap<>();

    Rejection(String path, String head) {
      this.path = path;
      this.head = head;
    }
  }

  final Course course;
  final ClinicCalendar calendar;
  private final Source source;
  private final boolean replan;
  private final List<Level> levels = new ArrayList<>();
  private final TreeMap<Key, Level> placed = new TreeMap<>();
  private final Map<SessionKind, TreeMap<Key, Level>> counting = new EnumMap<>(SessionKind.class);
  private final Map<Course.Tmpl, List<Level>> byTemplate = new HashMap<>();
  private int budget = BUDGET;
  private boolean budgetSpent;
  private @Nullable Level deepest;
  private int deepestDepth = -1;

  Search(Course course, ClinicCalendar calendar, Source source, boolean replan) {
    this.course = course;
    this.calendar = calendar;
    this.source = source;
    this.replan = replan;
    for (SessionKind k : SessionKind.values()) {
      counting.put(k, new TreeMap<>());
    }
    for (Course.Tmpl t : course.order) {
      byTemplate.put(t, new ArrayList<>());
    }
  }

  /** Places every occurrence, or throws. */
  List<Level> run() {
    while (true) {
      Slot slot = source.next(this);
      if (slot == null) {
        return List.copyOf(levels);
      }
      if (levels.size() >= Course.MAX_SESSIONS) {
        throw new PlanningException(List.of(Problem.at(slot.t.path,
            "the plan would hold more than " + Course.MAX_SESSIONS + " sessions")));
      }
      Level level = new Level(slot);
      levels.add(level);
      byTemplate.get(slot.t).add(level);
      while (!advance(levels.get(levels.size() - 1))) {
        Level failed = levels.remove(levels.size() - 1);
        List<Level> same = byTemplate.get(failed.slot.t);
        same.remove(same.size() - 1);
        if (levels.size() + 1 > deepestDepth) {
          deepestDepth = levels.size() + 1;
          deepest = failed;
        }
        if (levels.isEmpty()) {
          throw failure();
        }
      }
    }
  }

  /* ------------------------------------------------------------------ state, for sources */

  int depth() {
    return levels.size();
  }

  @Nullable Level top() {
    return levels.isEmpty() ? null : levels.get(levels.size() - 1);
  }

  List<Level> levels() {
    return levels;
  }

  /** The placed occurrences of a template, in order. */
  List<Level> levelsOf(Course.Tmpl t) {
    return byTemplate.get(t);
  }

  /**
   * A placed free occurrence's window narrowed by its own intervals from the sessions placed
   * before it (maxima that history broke are left out): {earliest, latest}.
   */
  LocalDate[] narrowedWindow(Level l) {
    LocalDate lo = l.slot.lo;
    LocalDate hi = l.slot.hi;
    for (Course.Rule r : l.slot.t.rules) {
      Map.Entry<Key, Level> e = counting.get(r.after).lowerEntry(l.key);
      if (e == null) {
        continue;
      }
      LocalDate ref = e.getValue().date();
      if (r.minDays != null) {
        lo = Days.max(lo, ref.plusDays(r.minDays));
      }
      boolean unmet = l.unmet.stream().anyMatch(u -> u.rule() == r);
      if (r.maxDays != null && !unmet) {
        hi = Days.min(hi, ref.plusDays(r.maxDays));
      }
    }
    return new LocalDate[] {lo, hi};
  }

  /* ------------------------------------------------------------------ placing */

  private boolean advance(Level l) {
    if (l.date != null) {
      unplace(l);
    }
    while (true) {
      LocalDate d = l.nextCandidate();
      if (d == null) {
        return false;
      }
      if (deepest != null && --budget < 0) {
        budgetSpent = true;
        throw failure();
      }
      if (tryPlace(l, d)) {
        return true;
      }
    }
  }

  private static Key key(Slot s, LocalDate d) {
    return new Key(d, s.status == ItemStatus.PLANNED ? 1 : 0, s.t.rank, s.occurrence);
  }

  private boolean tryPlace(Level l, LocalDate d) {
    Slot s = l.slot;
    if (s.pinned) {
      place(l, d, List.of());
      return true;
    }
    boolean preferred = d.equals(s.target);
    if (!calendar.isOpen(d)) {
      l.closed.add(d);
      if (preferred) {
        l.preferredRefused = d + " is " + Days.closedReason(calendar, d);
      }
      return false;
    }
    Key k = key(s, d);
    List<Unmet> unmet = new ArrayList<>();
    for (Course.Rule r : s.t.rules) {
      Map.Entry<Key, Level> e = counting.get(r.after).lowerEntry(k);
      if (e == null) {
        continue;
      }
      Level ref = e.getValue();
      long gap = Days.between(ref.date(), d);
      if (r.minDays != null && gap < r.minDays) {
        refuse(l, d, preferred, r.path + "|", "session " + s.t.id() + " #" + s.occurrence + ": " + r.minText()
            + " rules out ", Days.days(gap) + " after " + ref.on(), r.minText());
        return false;
      }
      if (r.maxDays != null && gap > r.maxDays) {
        if (replan && ref.slot.pinned && ref.date().plusDays(r.maxDays).isBefore(s.lo)) {
          unmet.add(new Unmet(r, ref));
          continue;
        }
        refuse(l, d, preferred, r.path + "|", "session " + s.t.id() + " #" + s.occurrence + ": " + r.maxText()
            + " rules out ", Days.days(gap) + " after " + ref.on(), r.maxText());
        return false;
      }
    }
    if (s.status != ItemStatus.MISSED) {
      SessionKind kind = s.t.kind();
      for (Level other : placed.tailMap(k, false).values()) {
        if (other.slot.status == ItemStatus.MISSED) {
          continue;
        }
        for (Course.Rule r : other.slot.t.rules) {
          if (r.after != kind) {
            continue;
          }
          long gap = Days.between(d, other.date());
          boolean tooClose = r.minDays != null && gap < r.minDays;
          boolean tooFar = r.maxDays != null && gap > r.maxDays;
          if (tooClose || tooFar) {
            String rule = tooClose ? r.minText() : r.maxText();
            refuse(l, d, preferred, r.path + "|" + other.slot.id(), "session " + s.t.id() + " #" + s.occurrence
                + ": " + rule + " of " + other.slot.label() + " on " + other.date() + " rules out ",
                Days.days(gap) + " before it", rule + " of " + other.slot.label());
            return false;
          }
        }
        if (other.slot.t.kind() == kind) {
          break;
        }
      }
    }
    place(l, d, unmet);
    return true;
  }

  private void refuse(Level l, LocalDate d, boolean preferred, String group, String head, String detail,
      String rule) {
    String path = group.substring(0, group.indexOf('|'));
    l.rejections.computeIfAbsent(group, g -> new Rejection(path, head)).details.put(d, d + " (" + detail + ")");
    if (preferred) {
      l.preferredRefused = d + " would break " + rule + " (" + detail + ")";
    }
  }

  private void place(Level l, LocalDate d, List<Unmet> unmet) {
    l.date = d;
    l.key = key(l.slot, d);
    l.unmet = unmet;
    placed.put(l.key, l);
    if (l.slot.status != ItemStatus.MISSED) {
      counting.get(l.slot.t.kind()).put(l.key, l);
    }
  }

  private void unplace(Level l) {
    placed.remove(l.key);
    counting.get(l.slot.t.kind()).remove(l.key);
    l.date = null;
    l.key = null;
    l.unmet = List.of();
  }

  /* ------------------------------------------------------------------ failure */

  private PlanningException failure() {
    Level l = deepest;
    if (l == null) {
      throw new IllegalStateException("no failure recorded");
    }
    Slot s = l.slot;
    String who = s.label() + ": ";
    List<Problem> problems = new ArrayList<>();
    if (s.lo.isAfter(s.hi)) {
      problems.add(Problem.at(s.windowPath, who + "no day fits its window: earliest " + s.lo
          + (s.loNote == null ? "" : " (" + s.loNote + ")") + ", latest " + s.hi));
    } else if (l.rejections.isEmpty()) {
      String list = Days.closedList(calendar, l.closed, LIST_LIMIT);
      String message;
      if (s.lo.equals(s.hi)) {
        message = (s.target.equals(s.lo) ? "target " + s.lo + ", the only day of its window, is closed ("
            : "the only day of its window, " + s.lo + ", is closed (") + list + ")";
      } else if (!s.target.isBefore(s.lo) && !s.target.isAfter(s.hi)) {
        message = "target " + s.target + " and every other day of its window " + s.lo + " to " + s.hi
            + " are closed (" + list + ")";
      } else {
        message = "every day of its window " + s.lo + " to " + s.hi + " is closed (" + list + ")";
      }
      if (s.loNote != null) {
        message += "; the window starts " + s.lo + " because " + s.loNote;
      }
      problems.add(Problem.at(s.windowPath, who + message));
    } else {
      if (!l.closed.isEmpty()) {
        problems.add(Problem.at(s.windowPath, who + "of its window " + s.lo + " to " + s.hi + ", "
            + (l.closed.size() == 1 ? "this day is" : "these days are") + " closed: "
            + Days.closedList(calendar, l.closed, LIST_LIMIT)));
      }
      for (Rejection r : l.rejections.values()) {
        StringBuilder m = new StringBuilder(r.head);
        int i = 0;
        for (String detail : r.details.values()) {
          if (i == DETAIL_LIMIT) {
            break;
          }
          m.append(i++ == 0 ? "" : ", ").append(detail);
        }
        if (r.details.size() > DETAIL_LIMIT) {
          m.append(" and ").append(r.details.size() - DETAIL_LIMIT).append(" more days");
        }
        m.append(" in its window ").append(s.lo).append(" to ").append(s.hi);
        problems.add(Problem.at(r.path, m.toString()));
      }
    }
    if (budgetSpent) {
      Problem first = problems.get(0);
      problems.set(0, Problem.at(first.path(), first.message() + "; the search stopped after trying " + BUDGET
          + " other days for the sessions before it"));
    }
    return new PlanningException(problems);
  }
}
