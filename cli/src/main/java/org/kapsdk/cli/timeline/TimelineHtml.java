package org.kapsdk.cli.timeline;

import java.time.Instant;
import java.util.List;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.validation.ValidationException;

/**
 * A course plan, or a course against its plan, as one self-contained HTML page: inline SVG and
 * CSS, no script, no font, image or link to load, so the file can be mailed, archived and printed
 * as it is.
 *
 * <p>The plan shows phases as bands, sessions as marks shaped by kind with their windows as
 * whiskers, integration steps with their due windows and assessments. A course adds what happened
 * (held sessions filled beside their hollow planned marks, missed ones crossed, steps done,
 * assessments taken), every safety gate check recorded with its outcome (shape and colour, so it
 * reads in black and white), and per outcome instrument the score trend with the response and
 * remission lines the template and the clinical reference define.
 *
 * <p>Every mark is an SVG group with a {@code <title>}, an {@code aria-label} and {@code data-*}
 * attributes ({@code data-kind}, {@code data-session-id}, {@code data-date}, {@code
 * data-outcome}…) naming what it shows. The page is XHTML-compatible HTML5: it parses as XML.
 * The same input always gives the same text; nothing reads the clock. The only course data
 * written are the course's opaque id, dates, doses, gate outcomes with rule ids, and scores:
 * never the patient id, staff ids, or free-text reasons.
 *
 * <pre>{@code
 * CoursePlan plan = CoursePlanner.plan(template, LocalDate.parse("2026-01-05"), calendar);
 * Files.writeString(out, TimelineHtml.forPlan(template, plan));
 * }</pre>
 */
public final class TimelineHtml {
  private TimelineHtml() {}

  /**
   * The page of a plan.
   *
   * @param resolvedTemplate the template the plan was made from, with its parameters resolved
   * @param plan a plan of that template (from {@link org.kapsdk.core.plan.CoursePlanner})
   * @throws IllegalArgumentException when the plan is of another template or version
   */
  public static String forPlan(ProtocolTemplate resolvedTemplate, CoursePlan plan) {
    checkPlan(resolvedTemplate, plan);
    return new TimelineRenderer(resolvedTemplate, plan, null).render();
  }

  /**
   * The page of a course as it stood at {@code asOf}: events recorded after it are left out, as
   * {@code kapsdk status --at} does, so a page of an earlier instant shows what was known then.
   *
   * @param resolvedTemplate the course's template, with its parameters resolved
   * @param plan the course's original plan: the template planned from the course's start date on
   *     its calendar ({@code CoursePlanner.plan(template, started.startDate(), calendar)})
   * @param record the course record; its events should have been accepted by {@link
   *     CourseRecord#validated} or {@link CourseRecord#append}, which this method does not repeat
   * @param asOf the instant the page describes
   * @throws ValidationException when the record has no {@code courseStarted} event by {@code asOf}
   * @throws IllegalArgumentException when the plan or the course is of another template, or the plan
   *     does not start on the course's start date in its zone
   */
  public static String forCourse(ProtocolTemplate resolvedTemplate, CoursePlan plan, CourseRecord record, Instant asOf) {
    checkPlan(resolvedTemplate, plan);
    CourseRules rules = CourseRules.compile(resolvedTemplate);
    List<CourseEvent> happened = record.events().stream().filter(e -> !e.at().isAfter(asOf)).toList();
    CourseState state = CourseState.replay(rules, happened);
    CourseView view = CourseView.of(state, asOf);
    CourseStarted started = state.started().orElseThrow();
    if (!started.templateId().equals(resolvedTemplate.id()) || !started.templateVersion().equals(resolvedTemplate.version())) {
      throw new IllegalArgumentException("the course runs template " + started.templateId() + " "
          + started.templateVersion() + ", not " + resolvedTemplate.id() + " " + resolvedTemplate.version());
    }
    if (!plan.start().equals(started.startDate()) || !plan.calendar().zone().equals(started.zone())) {
      throw new IllegalArgumentException("the plan starts on " + plan.start() + " in " + plan.calendar().zone()
          + " but the course started on " + started.startDate() + " in " + started.zone()
          + ": plan the course from its own start and calendar");
    }
    return new TimelineRenderer(resolvedTemplate, plan, new TimelineRenderer.Course(record.courseId(), state, view, asOf))
        .render();
  }

  /**
   * The original plan of a course: its template planned from the course's start date on the
   * calendar its {@code courseStarted} event records, with the default horizon, which is the plan
   * {@link CourseView} re-plans from.
   *
   * @throws ValidationException when the record has no {@code courseStarted} event, or no plan fits
   *     the course's calendar (a {@link org.kapsdk.core.plan.PlanningException})
   */
  public static CoursePlan coursePlan(ProtocolTemplate resolvedTemplate, CourseRecord record) {
    CourseStarted started = record.events().stream().filter(CourseStarted.class::isInstance).map(CourseStarted.class::cast)
        .findFirst().orElseThrow(() -> new ValidationException("the course has not started: its first event must be courseStarted"));
    ClinicCalendar calendar = ClinicCalendar.builder().zone(started.zone()).closedWeekdays(started.closedWeekdays())
        .closedDates(started.closedDates()).build();
    return CoursePlanner.plan(resolvedTemplate, started.startDate(), calendar);
  }

  private static void checkPlan(ProtocolTemplate template, CoursePlan plan) {
    if (!plan.templateId().equals(template.id()) || !plan.templateVersion().equals(template.version())) {
      throw new IllegalArgumentException("the plan is of template " + plan.templateId() + " " + plan.templateVersion()
          + ", not " + template.id() + " " + template.version());
    }
  }
}
