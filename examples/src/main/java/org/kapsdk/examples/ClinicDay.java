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
import java.util.function.LongFunction;
import org.kapsdk.core.course.CourseEvent;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.CourseStarted;
import org.kapsdk.core.course.CourseStore;
import org.kapsdk.core.course.CourseView;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.EventRejectedException;
import org.kapsdk.core.course.GateChecked;
import org.kapsdk.core.course.InMemoryCourseStore;
import org.kapsdk.core.course.ObservationRecorded;
import org.kapsdk.core.course.SessionCompleted;
import org.kapsdk.core.course.SessionScheduled;
import org.kapsdk.core.course.SessionStarted;
import org.kapsdk.core.course.StaleVersionException;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.gate.Finding;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlan;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.PlannedItem;

/**
 * A clinic day as a host system records it: the patient checks in, the PRE_DOSE gate is asked and
 * its verdict recorded, the two devices are given, blood pressure is taken during monitoring and
 * the DURING_SESSION gate asked, then the DISCHARGE gate, and the session is completed. Every step
 * is an event appended to the course through a {@link CourseStore} at the version the writer last
 * saw, and the record checks each event before accepting it.
 *
 * <p>Shows the refusals a host must handle: a dose before the pre-dose check (refused, nothing
 * changes), and two nurses writing at once: the one on a stale version gets a
 * {@link StaleVersionException}, reloads the course and retries. Sample data only: the sample
 * template and profile, opaque patient and staff ids.
 */
public final class ClinicDay {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final String COURSE = "course-0001";
  private static final String NURSE = "staff-0002";
  private static final String SECOND_NURSE = "staff-0003";

  private ClinicDay() {}

  /** Runs the sample from the repository root. */
  public static void main(String[] args) {
    run(Path.of("examples"), System.out);
  }

  /**
   * Runs the sample, reading the template, its clinic profile and the patient's facts under
   * {@code examples}; returns the view of the course the next morning.
   */
  public static CourseView run(Path examples, PrintStream out) {
    CourseRules rules = CourseRules.compile(ProtocolFiles.read(
        examples.resolve("templates/esketamine-trd-sample.yaml"), examples.resolve("profiles/sample-clinic.yaml")));
    ClinicCalendar calendar = ClinicCalendar.builder().zone(NEW_YORK)
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build();
    LocalDate start = LocalDate.of(2026, 1, 5);

    // The plan's deterministic ids become the host's session ids.
    CoursePlan plan = CoursePlanner.plan(rules.template(), start, calendar);
    PlannedItem first = plan.sessions().stream()
        .filter(i -> i.sessionTemplateId().equals("induction-dose")).findFirst().orElseThrow();
    String session = first.id();
    out.println("first dose planned: " + session + " on " + first.target());

    CourseStore store = new InMemoryCourseStore();
    Instant t0 = first.target().atTime(9, 0).atZone(NEW_YORK).toInstant();
    CourseRecord record = store.create(CourseStarted.builder()
        .at(t0.minus(Duration.ofHours(1))).by(NURSE)
        .courseId(COURSE).patientId("sample-patient-0001")
        .templateId(rules.template().id()).templateVersion(rules.template().version())
        .startDate(start).zone(NEW_YORK).closedWeekdays(calendar.closedWeekdays()).build(), rules);
    record = store.append(COURSE, record.version(), SessionScheduled.builder().at(t0.minus(Duration.ofMinutes(50)))
        .by(NURSE).sessionId(session).template("induction-dose").scheduledFor(t0).planItemId(session).build(), rules);

    // 1. Check-in.
    record = store.append(COURSE, record.version(), SessionStarted.builder().at(t0).by(NURSE).sessionId(session).build(), rules);
    out.println("checked in: version " + record.version());

    // 2. A dose before the pre-dose check is refused, and changes nothing.
    Instant firstDevice = t0.plus(Duration.ofMinutes(10));
    try {
      store.append(COURSE, record.version(), device(session, firstDevice), rules);
    } catch (EventRejectedException e) {
      out.println("refused: " + e.problems().get(0));
    }

    // 3. The PRE_DOSE gate: the host's facts (lists, attestations) plus what the course recorded.
    PatientFacts host = PatientFacts.builder()
        .from(FactsFiles.read(examples.resolve("facts/esketamine-pre-dose-ready.yaml"), t0.plus(Duration.ofMinutes(5))))
        .sessions(List.of())
        .build();
    Verdict preDose = ask(rules, record, host, Gate.PRE_DOSE, session, t0.plus(Duration.ofMinutes(5)), out);
    record = store.append(COURSE, record.version(), GateChecked.of(preDose, Optional.of(session), Optional.of(NURSE)), rules);

    // 4. The dose: two 28 mg devices, 5 minutes apart.
    record = store.append(COURSE, record.version(), device(session, firstDevice), rules);
    record = store.append(COURSE, record.version(), device(session, firstDevice.plus(Duration.ofMinutes(5))), rules);
    out.println("dosed: " + record.state(rules).cumulativeDose(LimitPeriod.DAY, firstDevice.plus(Duration.ofMinutes(5)))
        + " today");

    // 5. Monitoring. The 40-minute reading and a note are written at once by two nurses, both
    // on the version they loaded; the second is told the course moved on, reloads and retries.
    Instant at40 = firstDevice.plus(Duration.ofMinutes(40));
    long seen = record.version();
    record = store.append(COURSE, seen, bp(NURSE, session, Codes.SYSTOLIC_BP, "146 mmHg", at40), rules);
    record = appendWithRetry(store, rules, seen, v -> bp(SECOND_NURSE, session, Codes.DIASTOLIC_BP, "92 mmHg", at40), out);
    // The clinician's check for crisis signs is the host's fact, read by the host extension.
    PatientFacts checked = PatientFacts.builder().from(host)
        .addAttestation(Attestation.builder().key(HypertensiveCrisisSigns.NO_SIGNS).recordedAt(at40).build())
        .build();
    Verdict during = ask(rules, record, checked, Gate.DURING_SESSION, session, at40.plus(Duration.ofMinutes(1)), out);
    record = store.append(COURSE, record.version(), GateChecked.of(during, Optional.of(session), Optional.of(NURSE)), rules);

    Instant at2h = firstDevice.plus(Duration.ofMinutes(120));
    record = store.append(COURSE, record.version(), bp(NURSE, session, Codes.SYSTOLIC_BP, "132 mmHg", at2h), rules);
    record = store.append(COURSE, record.version(), bp(NURSE, session, Codes.DIASTOLIC_BP, "84 mmHg", at2h), rules);

    // 6. Discharge: at least 2 h from the first device, BP falling or stable, transport arranged.
    // Asked too early, the gate blocks; the host shows why and records nothing.
    PatientFacts ready = PatientFacts.builder().from(checked)
        .addAttestation(Attestation.builder().key("transport-arranged").recordedAt(at40).build())
        .build();
    ask(rules, record, ready, Gate.DISCHARGE, session, firstDevice.plus(Duration.ofMinutes(90)), out);
    Instant leaving = at2h.plus(Duration.ofMinutes(5));
    Verdict discharge = ask(rules, record, ready, Gate.DISCHARGE, session, leaving, out);
    record = store.append(COURSE, record.version(), GateChecked.of(discharge, Optional.of(session), Optional.of(SECOND_NURSE)), rules);
    record = store.append(COURSE, record.version(), SessionCompleted.builder().at(leaving).by(SECOND_NURSE)
        .sessionId(session).monitoringEndedAt(leaving).build(), rules);

    // 7. Where the course stands the next morning.
    CourseView view = CourseView.of(record.state(rules), t0.plus(Duration.ofDays(1)));
    out.println("events: " + record.version() + ", phase: " + view.phaseId() + ", dose in 24 h: "
        + view.cumulativeDose().get(LimitPeriod.DAY));
    // The session template asks for PHQ-9 and C-SSRS at each dose; this sample recorded neither.
    for (CourseView.DueItem d : view.overdue()) {
      out.println("overdue: " + d.kind() + " " + d.id() + " was due by " + d.dueBy());
    }
    for (CourseView.DueItem d : view.nextDue()) {
      out.println("due: " + d.kind() + " " + d.id() + " by " + d.dueBy());
    }
    return view;
  }

  /**
   * Appends an event built for the version the writer saw; on a stale version, reloads the course
   * and builds the event again for the current one. A real host would show the newer record to the
   * clinician before retrying anything that depends on it; a reading taken does not.
   */
  private static CourseRecord appendWithRetry(CourseStore store, CourseRules rules, long seen,
      LongFunction<CourseEvent> event, PrintStream out) {
    try {
      return store.append(COURSE, seen, event.apply(seen), rules);
    } catch (StaleVersionException e) {
      out.println("stale: " + e.getMessage());
      CourseRecord current = store.load(COURSE).orElseThrow();
      CourseRecord after = store.append(COURSE, current.version(), event.apply(current.version()), rules);
      out.println("retried on version " + current.version() + ": accepted, now version " + after.version());
      return after;
    }
  }

  private static Verdict ask(CourseRules rules, CourseRecord record, PatientFacts host, Gate gate, String session,
      Instant at, PrintStream out) {
    GateRequest.Builder request = GateRequest.builder().gate(gate).at(at)
        .facts(record.state(rules).facts(host)).session(session);
    if (gate == Gate.PRE_DOSE) {
      request.plannedDose(Quantity.parse("56 mg"));
    }
    Verdict verdict = rules.gate().evaluate(request.build());
    out.println(gate + " verdict: " + verdict.outcome());
    for (Finding f : verdict.findings()) {
      if (f.outcome() != Outcome.PASS && f.outcome() != Outcome.NOT_APPLICABLE) {
        out.println("  " + f.outcome() + " " + f.ruleId() + " (" + f.severity() + "): " + f.message());
      }
    }
    return verdict;
  }

  private static DoseAdministered device(String session, Instant at) {
    return DoseAdministered.builder().at(at).by(NURSE).sessionId(session)
        .amount(Quantity.parse("28 mg")).route(Route.INTRANASAL).lot("LOT-A1").build();
  }

  private static ObservationRecorded bp(String by, String session, Code code, String value, Instant at) {
    return ObservationRecorded.builder().at(at).by(by).sessionId(session)
        .observation(Observation.builder().code(code).value(Quantity.parse(value)).at(at).build()).build();
  }
}
