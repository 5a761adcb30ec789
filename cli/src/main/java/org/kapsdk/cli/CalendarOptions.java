package org.kapsdk.cli;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kapsdk.cli.ProblemOutput.FileProblem;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.PlanOptions;
import org.kapsdk.core.validation.Problem;
import picocli.CommandLine.Option;

/**
 * The clinic calendar options every command that plans a template shares ({@code plan},
 * {@code timeline}): the zone, the closed weekdays and dates, and the horizon for open-ended
 * repeats. Every bad value is reported, all at once, naming its option.
 */
final class CalendarOptions {
  /** The default zone; named {@code UTC} in output rather than {@code Z}. */
  static final ZoneId UTC = ZoneId.of("UTC");

  @Option(names = "--zone", paramLabel = "ZONE", description = "The clinic's time zone, such as America/New_York. Default: UTC.")
  @Nullable String zone;

  @Option(
      names = "--closed",
      paramLabel = "DAYS",
      split = ",",
      description = "Weekdays the clinic is closed, such as SAT,SUN (MON…SUN or full names, any case).")
  List<String> closed = new ArrayList<>();

  @Option(
      names = "--closed-dates",
      paramLabel = "DATES",
      split = ",",
      description = "Dates the clinic is closed, such as 2026-01-19,2026-02-16.")
  List<String> closedDates = new ArrayList<>();

  @Option(
      names = "--horizon-weeks",
      paramLabel = "WEEKS",
      description = "How far open-ended repeats (such as every 2 weeks) are planned. Default: 26.")
  @Nullable Integer horizonWeeks;

  /** The names of the options given, for a command that takes them only in some cases. */
  List<String> given() {
    List<String> names = new ArrayList<>();
    if (zone != null) {
      names.add("--zone");
    }
    if (!closed.isEmpty()) {
      names.add("--closed");
    }
    if (!closedDates.isEmpty()) {
      names.add("--closed-dates");
    }
    if (horizonWeeks != null) {
      names.add("--horizon-weeks");
    }
    return names;
  }

  /** The clinic calendar the options describe; null, with every problem added, when a value is bad. */
  @Nullable ClinicCalendar calendar(List<FileProblem> problems) {
    int before = problems.size();
    ZoneId zoneId = zone(problems);
    Set<DayOfWeek> closedDays = weekdays(problems);
    Set<LocalDate> closedOn = new TreeSet<>();
    for (String d : closedDates) {
      LocalDate parsed = date("--closed-dates", d, problems);
      if (parsed != null) {
        closedOn.add(parsed);
      }
    }
    if (horizonWeeks != null && (horizonWeeks < 1 || horizonWeeks > 520)) {
      problems.add(option("--horizon-weeks", "must be between 1 and 520 weeks, not " + horizonWeeks));
    }
    if (problems.size() > before) {
      return null;
    }
    return ClinicCalendar.builder().zone(zoneId).closedWeekdays(closedDays).closedDates(closedOn).build();
  }

  /** The planning options (the horizon); call after {@link #calendar} found no problem. */
  PlanOptions planOptions() {
    PlanOptions.Builder options = PlanOptions.builder();
    if (horizonWeeks != null) {
      options.horizon(Duration.ofDays(7L * horizonWeeks));
    }
    return options.build();
  }

  /** An ISO-8601 date given to an option; a bad one is a problem naming the option. */
  static @Nullable LocalDate date(String option, String text, List<FileProblem> problems) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(option(option, "'" + Texts.oneLine(text) + "' is not an ISO-8601 date such as 2026-01-05"));
      return null;
    }
  }

  private ZoneId zone(List<FileProblem> problems) {
    if (zone == null) {
      return UTC;
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      problems.add(option("--zone", "'" + Texts.oneLine(zone) + "' is not a time zone such as America/New_York or UTC"));
      return UTC;
    }
  }

  private Set<DayOfWeek> weekdays(List<FileProblem> problems) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String text : closed) {
      String name = text.strip().toUpperCase(Locale.ROOT);
      DayOfWeek found = null;
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(name) || (name.length() == 3 && d.name().startsWith(name))) {
          found = d;
        }
      }
      if (found == null) {
        problems.add(option("--closed", "'" + Texts.oneLine(text) + "' is not a weekday; expected MON, TUE, WED, THU, FRI, SAT or SUN"));
      } else {
        days.add(found);
      }
    }
    if (days.size() == 7) {
      problems.add(option("--closed", "closes every weekday; a plan needs at least one open day"));
    }
    return days;
  }

  static FileProblem option(String name, String message) {
    return new FileProblem(name, Problem.at("", message));
  }
}
