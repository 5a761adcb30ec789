package org.kapsdk.core.plan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.kapsdk.core.internal.DurationText;

/** Day arithmetic and the text pieces messages share. */
final class Days {
  static final long SECONDS_PER_DAY = 86_400;

  private Days() {}

  /** Whole days, rounded up: for earliest offsets and minimum intervals. */
  static long ceil(Duration d) {
    return Math.floorDiv(d.getSeconds() + SECONDS_PER_DAY - 1, SECONDS_PER_DAY);
  }

  /** Whole days, rounded down: for latest offsets and maximum intervals. */
  static long floor(Duration d) {
    return Math.floorDiv(d.getSeconds(), SECONDS_PER_DAY);
  }

  /** Whole days, rounded to the nearest (half a day up): for target offsets. */
  static long round(Duration d) {
    return Math.floorDiv(d.getSeconds() + SECONDS_PER_DAY / 2, SECONDS_PER_DAY);
  }

  /** Days from a to b. */
  static long between(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static String duration(Duration d) {
    return DurationText.format(d);
  }

  /** {@code 1 d}, {@code 12 d}: a count of days as in durations. */
  static String days(long n) {
    return n + " d";
  }

  /** Why the clinic is closed on a date: {@code closed date} or {@code closed on Saturdays}. */
  static String closedReason(ClinicCalendar calendar, LocalDate date) {
    if (calendar.closedDates().contains(date)) {
      return "closed date";
    }
    return "closed on " + weekday(date.getDayOfWeek()) + "s";
  }

  static String weekday(DayOfWeek day) {
    String name = day.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The dates with their closure reasons, at most {@code limit} of them and a count of the rest. */
  static String closedList(ClinicCalendar calendar, List<LocalDate> dates, int limit) {
    StringBuilder out = new StringBuilder();
    List<LocalDate> sorted = dates.stream().sorted().toList();
    for (int i = 0; i < sorted.size() && i < limit; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(sorted.get(i)).append(' ').append(closedReason(calendar, sorted.get(i)));
    }
    if (sorted.size() > limit) {
      out.append(" and ").append(sorted.size() - limit).append(" more");
    }
    return out.toString();
  }
}
