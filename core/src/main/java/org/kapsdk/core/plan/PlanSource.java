package org.kapsdk.core.plan;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The occurrences of a fresh plan, each derived from the template and what is placed before it. */
final class PlanSource implements Search.Source {
  private final Course course;
  private final LocalDate start;
  private final LocalDate horizonEnd;

  PlanSource(Course course, LocalDate start, LocalDate horizonEnd) {
    this.course = course;
    this.start = start;
    this.horizonEnd = horizonEnd;
  }

  @Override
  public @Nullable Slot next(Search search) {
    Search.Level top = search.top();
    int from = 0;
    if (top != null) {
      Slot last = top.slot;
      Slot more = following(last, top.date());
      if (more != null) {
        return more;
      }
      from = last.t.rank + 1;
    }
    for (int r = from; r < course.order.size(); r++) {
      Slot first = first(search, course.order.get(r));
      if (first != null) {
        return first;
      }
    }
    return null;
  }

  /** The first occurrence of a template, or null when the template has none in this plan. */
  private @Nullable Slot first(Search search, Course.Tmpl t) {
    if (t.phaseIndex >= course.firstUnplannedPhase) {
      return null;
    }
    LocalDate base;
    if (t.anchor != null) {
      List<Search.Level> anchor = search.levelsOf(t.anchor);
      if (anchor.isEmpty()) {
        return null;
      }
      base = anchor.get(anchor.size() - 1).date();
    } else {
      base = phaseStart(search, t.phaseIndex);
    }
    LocalDate target = base.plusDays(t.targetDays);
    if (t.pattern.isOpenEnded() && !target.isBefore(horizonEnd)) {
      return null;
    }
    return new Slot(t, 1, target, target.plusDays(t.firstLo), target.plusDays(t.firstHi), target, target,
        t.windowPath(0), null);
  }

  /** The occurrence after {@code last} (placed on {@code lastDate}), or null after the last one. */
  private @Nullable Slot following(Slot last, LocalDate lastDate) {
    Course.Tmpl t = last.t;
    int k = last.occurrence;
    if (t.pattern.isOpenEnded()) {
      if (!t.pattern.target(last.patternStart, k).isBefore(horizonEnd)) {
        return null;
      }
    } else if (k >= t.pattern.finiteCount) {
      return null;
    }
    LocalDate target;
    long[] window = t.window(k);
    if (t.pattern.isRepeat()) {
      target = t.pattern.target(last.patternStart, k);
    } else {
      target = lastDate.plusDays(t.countGap());
    }
    LocalDate lo = target.plusDays(window[0]);
    String note = null;
    if (!lo.isAfter(lastDate)) {
      lo = lastDate.plusDays(1);
      note = "it must follow " + t.id() + " #" + k + " on " + lastDate;
    }
    return new Slot(t, k + 1, target, lo, target.plusDays(window[1]), target, last.patternStart,
        t.windowPath(k), note);
  }

  /**
   * The start of a phase: the course start for the first; for a later one, where the previous
   * phase's repeat patterns would place their next sessions, and never before the day after its
   * last session.
   */
  private LocalDate phaseStart(Search search, int phase) {
    if (phase == 0) {
      return start;
    }
    LocalDate result = null;
    for (Course.Tmpl t : course.phases.get(phase - 1)) {
      List<Search.Level> placed = search.levelsOf(t);
      if (placed.isEmpty()) {
        continue;
      }
      Search.Level last = placed.get(placed.size() - 1);
      LocalDate next = last.date().plusDays(1);
      if (t.pattern.isRepeat()) {
        next = Days.max(next, t.pattern.target(last.slot.patternStart, placed.size()));
      }
      result = result == null ? next : Days.max(result, next);
    }
    return result == null ? phaseStart(search, phase - 1) : result;
  }
}
