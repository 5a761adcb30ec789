package org.kapsdk.core.lint;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Timing;

/**
 * Where a session template's occurrences fall, in days from the first, exactly as the scheduler
 * places their targets (see {@code org.kapsdk.core.plan}): {@code timesPerWeek N} on days
 * {@code 7·⌊k/N⌋ + ⌊7·(k mod N)/N⌋}, {@code every D} on day {@code ⌊k·D⌋}, {@code count n} one
 * after the other (a day apart, or the session's own minimum interval after its own kind), a
 * session with neither once. Open-ended repeats are followed up to the scheduler's default
 * horizon of 26 weeks.
 */
final class Spacing {
  static final long SECONDS_PER_DAY = 86_400;
  static final int HORIZON_DAYS = 26 * 7;
  /** The scheduler's limit on sessions in one plan. */
  private static final int MAX_OCCURRENCES = 5000;
  /** The scheduler's longest span: 100 years. */
  private static final long MAX_EVERY_DAYS = 36_525;

  final SessionTemplate session;
  /** Day offsets of the occurrences followed (all of a finite pattern, those before the horizon otherwise). */
  final long[] offsets;
  /** The number of occurrences, or -1 for an open-ended repeat. */
  final int finiteCount;

  private Spacing(SessionTemplate session, long[] offsets, int finiteCount) {
    this.session = session;
    this.offsets = offsets;
    this.finiteCount = finiteCount;
  }

  /**
   * The spacing of a session template; empty when its repeat is shorter than a day or longer
   * than 100 years, which no plan can place (the scheduler says so, KAP-L019).
   */
  static Optional<Spacing> of(SessionTemplate s) {
    Optional<Repeat> repeat = s.repeat();
    if (repeat.isPresent() && repeat.get().every().isPresent()
        && (repeat.get().every().get().getSeconds() < SECONDS_PER_DAY
            || repeat.get().every().get().getSeconds() > MAX_EVERY_DAYS * SECONDS_PER_DAY)) {
      return Optional.empty();
    }
    int count = countOf(s);
    int followed = count >= 0 ? Math.min(count, MAX_OCCURRENCES) : MAX_OCCURRENCES;
    long[] buffer = new long[followed];
    int n = 0;
    for (int k = 0; k < followed; k++) {
      long day = dayOffset(s, k);
      if (count < 0 && day >= HORIZON_DAYS) {
        break;
      }
      buffer[n++] = day;
    }
    long[] offsets = new long[n];
    System.arraycopy(buffer, 0, offsets, 0, n);
    return Optional.of(new Spacing(s, offsets, count));
  }

  private static int countOf(SessionTemplate s) {
    if (s.repeat().isPresent()) {
      Repeat r = s.repeat().get();
      if (r.timesPerWeek().isPresent()) {
        return r.weeks().map(w -> (int) Math.min(Integer.MAX_VALUE, (long) w * r.timesPerWeek().get()))
            .orElse(r.occurrences().orElse(-1));
      }
      long every = r.every().orElseThrow().getSeconds();
      if (r.weeks().isPresent()) {
        long span = r.weeks().get() * 7L * SECONDS_PER_DAY;
        return (int) Math.min(Integer.MAX_VALUE, (span + every - 1) / every);
      }
      return r.occurrences().orElse(-1);
    }
    return s.count().orElse(1);
  }

  private static long dayOffset(SessionTemplate s, int k) {
    if (s.repeat().isPresent()) {
      Repeat r = s.repeat().get();
      if (r.timesPerWeek().isPresent()) {
        int n = r.timesPerWeek().get();
        return 7L * (k / n) + Math.floorDiv(7L * (k % n), n);
      }
      return Math.floorDiv(k * r.every().orElseThrow().getSeconds(), SECONDS_PER_DAY);
    }
    return k * countGapDays(s);
  }

  /** The days between two sessions of a count: one, or the session's own minimum after its own kind. */
  private static long countGapDays(SessionTemplate s) {
    long gap = 1;
    for (IntervalConstraint c : s.timing().map(Timing::intervals).orElse(java.util.List.of())) {
      if (c.after() == s.kind() && c.min().isPresent()) {
        gap = Math.max(gap, ceilDays(c.min().get()));
      }
    }
    return gap;
  }

  static long ceilDays(Duration d) {
    return Math.floorDiv(d.getSeconds() + SECONDS_PER_DAY - 1, SECONDS_PER_DAY);
  }

  /** Whether there are at least two occurrences, so that there is a gap. */
  boolean hasGaps() {
    return offsets.length >= 2;
  }

  /** The shortest gap between consecutive occurrences, in days; only when {@link #hasGaps()}. */
  long minGap() {
    long min = Long.MAX_VALUE;
    for (int k = 1; k < offsets.length; k++) {
      min = Math.min(min, offsets[k] - offsets[k - 1]);
    }
    return min;
  }

  /** The longest gap between consecutive occurrences, in days; only when {@link #hasGaps()}. */
  long maxGap() {
    long max = 0;
    for (int k = 1; k < offsets.length; k++) {
      max = Math.max(max, offsets[k] - offsets[k - 1]);
    }
    return max;
  }

  /** The most occurrences in any 7 consecutive days. */
  int mostInAWeek() {
    int most = 0;
    int first = 0;
    for (int k = 0; k < offsets.length; k++) {
      while (offsets[k] - offsets[first] >= 7) {
        first++;
      }
      most = Math.max(most, k - first + 1);
    }
    return most;
  }

  boolean isOpenEnded() {
    return finiteCount < 0;
  }

  /** {@code 2 times a week}, {@code once a week}, {@code every 2 wk}, {@code count 3}, {@code one session}. */
  String describe() {
    if (session.repeat().isPresent()) {
      Repeat r = session.repeat().get();
      if (r.timesPerWeek().isPresent()) {
        int n = r.timesPerWeek().get();
        return n == 1 ? "once a week" : String.format(Locale.ROOT, "%d times a week", n);
      }
      return "every " + DurationText.format(r.every().orElseThrow());
    }
    return session.count().map(n -> "count " + n).orElse("one session");
  }

  static String days(long n) {
    return DurationText.format(Duration.ofDays(n));
  }
}
