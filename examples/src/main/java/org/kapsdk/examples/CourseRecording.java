package org.kapsdk.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.CourseState;
import org.kapsdk.core.course.CourseStore;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.EventRejectedException;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.InMemoryCourseStore;
import org.kapsdk.core.course.SessionCompleted;
import org.kapsdk.core.course.SessionScheduled;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.course.StaleVersionException;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.PlannedItem;

/**
 * What a host system does over a course: plan it, record what happens as events that the
 * record checks before accepting them, and ask where the course stands. Shows the three refusals
 * a host must handle: a dose before the pre-dose check, a stale version (two clinicians at once),
 * and an event the template forbids.
 *
 * <p>Sample data only: an opaque patient id, staff ids, the sample template and facts.
 */
public final class CourseRecording {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String NURSE = "staff-0002";

  private CourseRecording() {}

  /** Runs the sample from the repository root. */
  public static void main(String[] args) {
    run(Path.of("examples"), System.out);
  }

  /**
   * Runs the sample, reading the template, its clinic profile and facts under {@code examples};
   * returns the view at the end.
   */
  public static CourseView run(Path examples, PrintStream out) {
    CourseRules rules = CourseRules.compile(ProtocolFiles.read(
        examples.resolve("templates/esketamine-trd-sample.yaml"), examples.resolve("profiles/sample-clinic.yaml")));
    ClinicCalendar calendar = ClinicCalendar.builder().zone(NEW_YORK)
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build();
    LocalDate start = LocalDate.of(2026, 1, 5);

    // 1. Plan: deterministic ids the host keeps as its session ids.
    CoursePlan plan = CoursePlanner.plan(rules.template(), start, calendar);
    PlannedItem first = plan.sessions().stream()
        .filter(i -> i.sessionTemplateId().equals("induction-dose")).findFirst().orElseThrow();
    out.println("first dose planned: " + first.id() + " on " + first.target());

    // 2. Start the course in a store with optimistic concurrency.
    CourseStore store = new InMemoryCourseStore();
    Instant t0 = first.target().atTime(9, 0).atZone(NEW_YORK).toInstant();
    CourseRecord record = store.create(CourseStarted.builder()
        .at(t0.minus(Duration.ofHours(1))).by(NURSE)
        .courseId("course-0001").patientId("sample-patient-0001")
        .templateId(rules.template().id()).templateVersion(rules.template().version())
        .startDate(start).zone(NEW_YORK).closedWeekdays(calendar.closedWeekdays()).build(), rules);
    record = store.append("course-0001", record.version(), SessionScheduled.builder().at(t0.minus(Duration.ofMinutes(50)))
        .by(NURSE).sessionId(first.id()).template("induction-dose").scheduledFor(t0).planItemId(first.id()).build(), rules);
    record = store.append("course-0001", record.version(),
        SessionStarted.builder().at(t0).by(NURSE).sessionId(first.id()).build(), rules);

    // 3. A dose before the pre-dose check is refused, and changes nothing.
    DoseAdministered device1 = DoseAdministered.builder().at(t0.plus(Duration.ofMinutes(10))).by(NURSE)
        .sessionId(first.id()).amount(Quantity.parse("28 mg")).route(Route.INTRANASAL).lot("LOT-A1").build();
    try {
      store.append("course-0001", record.version(), device1, rules);
    } catch (EventRejectedException e) {
      out.println("refused: " + e.problems().get(0));
    }

    // 4. Ask the gate with the host's facts plus the course's own, and record its verdict.
    CourseState state = record.state(rules);
    PatientFacts base = PatientFacts.builder()
        .from(FactsFiles.read(examples.resolve("facts/esketamine-pre-dose-ready.yaml"), t0.plus(Duration.ofMinutes(5))))
        .sessions(List.of())
        .build();
    Verdict verdict = rules.gate().evaluate(GateRequest.builder().gate(Gate.PRE_DOSE).at(t0.plus(Duration.ofMinutes(5)))
        .facts(state.facts(base)).session(first.id()).plannedDose(Quantity.parse("56 mg")).build());
    out.println("pre-dose verdict: " + verdict.outcome());
    record = store.append("course-0001", record.version(), GateChecked.of(verdict, Optional.of(first.id()), Optional.of(NURSE)), rules);
    record = store.append("course-0001", record.version(), device1, rules);

    // 5. Two clinicians record at once: the second, on a stale version, is told so.
    long seen = record.version();
    record = store.append("course-0001", seen, DoseAdministered.builder().at(t0.plus(Duration.ofMinutes(15))).by(NURSE)
        .sessionId(first.id()).amount(Quantity.parse("28 mg")).route(Route.INTRANASAL).lot("LOT-A1").build(), rules);
    try {
      store.append("course-0001", seen, SessionCompleted.builder().at(t0.plus(Duration.ofMinutes(140))).by("staff-0003")
          .sessionId(first.id()).build(), rules);
    } catch (StaleVersionException e) {
      out.println("stale: " + e.getMessage());
    }
    record = store.append("course-0001", record.version(), SessionCompleted.builder().at(t0.plus(Duration.ofMinutes(140)))
        .by("staff-0003").sessionId(first.id()).monitoringEndedAt(t0.plus(Duration.ofMinutes(140))).build(), rules);

    // 6. Where the course stands the next morning.
    CourseView view = CourseView.of(record.state(rules), t0.plus(Duration.ofDays(1)));
    out.println("events: " + record.version() + ", phase: " + view.phaseId() + ", dose in 24 h: "
        + view.cumulativeDose().get(org.kapsdk.core.model.LimitPeriod.DAY));
    // The session template asks for PHQ-9 and C-SSRS at each dose; this sample recorded neither.
    for (CourseView.DueItem d : view.overdue()) {
      out.println("overdue: " + d.kind() + " " + d.id() + " was due by " + d.dueBy());
    }
    for (CourseView.DueItem d : view.nextDue()) {
      out.println("due: " + d.kind() + " " + d.id() + " by " + d.dueBy());
    }
    return view;
  }
}
