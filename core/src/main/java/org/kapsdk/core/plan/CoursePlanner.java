package org.kapsdk.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * The scheduler: plans a course from a start date, and re-plans it after what happened. Stateless
 * and thread-safe; the same input always gives an equal plan. The rules it follows are described
 * in the {@linkplain org.kapsdk.core.plan package documentation}.
 *
 * <pre>{@code
 * ClinicCalendar calendar = ClinicCalendar.builder()
 *     .zone(ZoneId.of("America/New_York"))
 *     .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
 *     .build();
 * CoursePlan plan = CoursePlanner.plan(template, LocalDate.of(2026, 1, 5), calendar);
 * }</pre>
 */
public final class CoursePlanner {
  private CoursePlanner() {}

  /**
   * Plans a course with the default options (open-ended repeats up to 26 weeks from the start).
   *
   * @throws PlanningException when no plan satisfies the template and the calendar
   */
  public static CoursePlan plan(ProtocolTemplate template, LocalDate start, ClinicCalendar calendar) {
    return plan(template, start, calendar, PlanOptions.defaults());
  }

  /**
   * Plans a course.
   *
   * @param start the course start: the start of the first phase
   * @throws PlanningException when no plan satisfies the template's timing, patterns and interval
   *     constraints and the calendar; each problem points at the constraint and names the dates
   */
  public static CoursePlan plan(
      ProtocolTemplate template, LocalDate start, ClinicCalendar calendar, PlanOptions options) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(options, "options");
    Course course = Course.of(template);
    LocalDate horizonEnd = start.plusDays(options.horizon().toDays());
    Search search = new Search(course, calendar, new PlanSource(course, start, horizonEnd), false);
    List<Search.Level> levels = search.run();
    List<PlannedItem> sessions = new ArrayList<>();
    for (Search.Level l : levels) {
      sessions.add(Items.session(search, l));
    }
    return CoursePlan.builder()
        .templateId(template.id())
        .templateVersion(template.version())
        .start(start)
        .horizonEnd(horizonEnd)
        .calendar(calendar)
        .items(Items.withFollowers(course, calendar, sessions))
        .build();
  }

  /**
   * Re-plans a course after sessions were held or missed, or to step a phase back to a more
   * frequent schedule. Held and missed sessions keep their dates; the rest follows the phases'
   * {@link org.kapsdk.core.model.MissedSessionPolicy} (see the package documentation).
   *
   * @param current the plan in force, made from this template (same id and version)
   * @throws org.kapsdk.core.validation.ValidationException when the input does not fit the plan
   *     (an unknown item, a session held after {@code asOf}, a fact contradicting one already
   *     recorded, a phase without a step back)
   * @throws PlanningException when no plan satisfies the constraints any more
   */
  public static Replan replan(ProtocolTemplate template, CoursePlan current, ReplanInput input) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(input, "input");
    return new Replanner(template, current, input).run();
  }
}
