package org.kapsdk.core.plan;

import java.time.LocalDate;
import java.util.Locale;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionTemplate;

/**
 * The occurrences of a session template: one session, a count, so many times a week or every so
 * often. Day offsets are from the pattern start (the first occurrence's target).
 */
final class Pattern {
  enum Shape {
    SINGLE,
    COUNT,
    WEEKLY,
    EVERY
  }

  final Shape shape;
  /** The count, or the sessions per week. */
  final int n;
  /** The period of an EVERY pattern, in seconds. */
  final long everySeconds;
  /** The number of occurrences, or -1 for an open-ended repeat. */
  final int finiteCount;

  private Pattern(Shape shape, int n, long everySeconds, int finiteCount) {
    this.shape = shape;
    this.n = n;
    this.everySeconds = everySeconds;
    this.finiteCount = finiteCount;
  }

  static Pattern of(SessionTemplate s) {
    if (s.repeat().isPresent()) {
      return of(s.repeat().get());
    }
    if (s.count().isPresent()) {
      return new Pattern(Shape.COUNT, s.count().get(), 0, s.count().get());
    }
    return new Pattern(Shape.SINGLE, 1, 0, 1);
  }

  /** The pattern of a repeat; its limits (weeks, occurrences) included. */
  static Pattern of(Repeat r) {
    if (r.timesPerWeek().isPresent()) {
      int perWeek = r.timesPerWeek().get();
      int count =
          r.weeks().map(w -> (int) Math.min(Integer.MAX_VALUE, (long) w * perWeek))
              .orElse(r.occurrences().orElse(-1));
      return new Pattern(Shape.WEEKLY, perWeek, 0, count);
    }
    long every = r.every().orElseThrow().getSeconds();
    int count;
    if (r.weeks().isPresent()) {
      long span = r.weeks().get() * 7L * Days.SECONDS_PER_DAY;
      count = (int) Math.min(Integer.MAX_VALUE, (span + every - 1) / every);
    } else {
      count = r.occurrences().orElse(-1);
    }
    return new Pattern(Shape.EVERY, 0, every, count);
  }

  /** The rhythm of a repeat alone, without its limits: for a step back. */
  Pattern openEnded() {
    return new Pattern(shape, n, everySeconds, -1);
  }

  boolean isRepeat() {
    return shape == Shape.WEEKLY || shape == Shape.EVERY;
  }

  boolean isOpenEnded() {
    return finiteCount < 0;
  }

  /** Day offset of occurrence k (from 0) from the pattern start; repeats only. */
  long dayOffset(int k) {
    if (shape == Shape.WEEKLY) {
      return 7L * (k / n) + Math.floorDiv(7L * (k % n), n);
    }
    return Math.floorDiv(k * everySeconds, Days.SECONDS_PER_DAY);
  }

  LocalDate target(LocalDate start, int k) {
    return start.plusDays(dayOffset(k));
  }

  /**
   * The window of occurrence k of a repeat, as day offsets from its target: a timesPerWeek
   * session stays in its week and leaves room for the others of that week; an every session may
   * move half way towards its neighbours' targets, never before the pattern start.
   */
  long[] window(int k) {
    long t = dayOffset(k);
    if (shape == Shape.WEEKLY) {
      int i = k % n;
      long weekStart = 7L * (k / n);
      return new long[] {weekStart + i - t, weekStart + 7 - n + i - t};
    }
    long lo = k == 0 ? 0 : -Math.floorDiv(t - dayOffset(k - 1), 2);
    long gapNext = dayOffset(k + 1) - t;
    long hi = (gapNext + 1) / 2 - 1;
    return new long[] {lo, hi};
  }

  /** {@code 2 times a week}, {@code every 2 wk}, {@code count 3}, {@code one session}. */
  String describe() {
    switch (shape) {
      case WEEKLY:
        return n == 1 ? "once a week" : String.format(Locale.ROOT, "%d times a week", n);
      case EVERY:
        return "every " + Days.duration(java.time.Duration.ofSeconds(everySeconds));
      case COUNT:
        return "count " + n;
      default:
        return "one session";
    }
  }
}
