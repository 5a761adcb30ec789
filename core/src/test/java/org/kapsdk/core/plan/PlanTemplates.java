package org.kapsdk.core.plan;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Anchor;
import org.kapsdk.core.model.AnchorPoint;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.FixedDose;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.MissedSessionPolicy;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.model.Timing;

/**
 * Small valid templates and clinic calendars for the scheduler's tests: the sample template, a
 * builder for hand-made ones, and random ones (1 to 3 phases of 1 to 3 sessions: singles, counts,
 * timesPerWeek and every patterns with weeks, occurrences or open-ended, timing with anchors to
 * earlier sessions, target and window offsets in days and hours, and min/max intervals).
 */
final class PlanTemplates {
  static final Path SAMPLE = Path.of("..", "examples", "templates", "esketamine-trd-sample.yaml");
  static final Path SAMPLE_PROFILE = Path.of("..", "examples", "profiles", "sample-clinic.yaml");
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Code MEDICATION = Code.of("urn:kapsdk:test:medication", "ketamine", "Ketamine");

  private static final Duration[] PERIODS = {
    d(1), d(2), d(3), h(36), d(7), d(7), d(10), d(14), d(14), d(21)
  };
  private static final Duration[] OFFSETS = {Duration.ZERO, d(1), d(2), d(3), d(7), d(-1), h(12), h(36)};
  private static final Duration[] WIDTHS = {Duration.ZERO, d(1), d(3), d(6), h(12), h(36)};

  private final Random random;
  private final List<String> sessionIds = new ArrayList<>();
  private final Set<SessionKind> kinds = new LinkedHashSet<>();

  private PlanTemplates(Random random) {
    this.random = random;
  }

  static ProtocolTemplate sample() {
    return ProtocolFiles.read(SAMPLE, SAMPLE_PROFILE);
  }

  static ClinicCalendar weekendsClosed(LocalDate... closedDates) {
    return ClinicCalendar.builder()
        .zone(ZONE)
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
        .addClosedDates(closedDates)
        .build();
  }

  static Duration d(long days) {
    return Duration.ofDays(days);
  }

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  /** A template of the given phases, each a list of sessions. */
  static ProtocolTemplate template(Phase... phases) {
    return ProtocolTemplate.builder()
        .id("plan-test")
        .version("1.0.0")
        .title("Scheduler test")
        .status(TemplateStatus.DRAFT)
        .addIndications(Code.of("http://snomed.info/sct", "370143000", "Major depressive disorder"))
        .addPhases(phases)
        .build();
  }

  static Phase.Builder phase(String id, SessionTemplate... sessions) {
    return Phase.builder().id(id).title("Phase " + id).addSessions(sessions);
  }

  /** A session of the given kind; a dosing session gets a simple dose. */
  static SessionTemplate.Builder session(String id, SessionKind kind) {
    SessionTemplate.Builder b = SessionTemplate.builder().id(id).kind(kind).title("Session " + id);
    if (kind == SessionKind.DOSING) {
      b.dosing(DosingSpec.builder()
          .medication(MEDICATION)
          .route(Route.INTRAMUSCULAR)
          .dose(FixedDose.builder().amount(Quantity.parse("50 mg")).build())
          .build());
    }
    return b;
  }

  static IntervalConstraint interval(SessionKind after, Duration min, Duration max) {
    IntervalConstraint.Builder b = IntervalConstraint.builder().after(after);
    if (min != null) {
      b.min(min);
    }
    if (max != null) {
      b.max(max);
    }
    return b.build();
  }

  /* ------------------------------------------------------------------ random */

  /** A random, structurally valid template. */
  static ProtocolTemplate random(Random random) {
    return new PlanTemplates(random).randomTemplate();
  }

  /** A random calendar: up to 3 closed weekdays and up to 6 closed dates near the start. */
  static ClinicCalendar randomCalendar(Random random, LocalDate start) {
    ClinicCalendar.Builder b = ClinicCalendar.builder()
        .zone(List.of(ZONE, ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata")).get(random.nextInt(3)));
    int closedDays = random.nextInt(10) < 4 ? 0 : random.nextInt(4);
    for (int i = 0; i < closedDays; i++) {
      b.addClosedWeekdays(DayOfWeek.of(1 + random.nextInt(7)));
    }
    int closedDates = random.nextInt(7);
    for (int i = 0; i < closedDates; i++) {
      b.addClosedDates(start.plusDays(random.nextInt(90)));
    }
    return b.build();
  }

  static LocalDate randomStart(Random random) {
    return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730));
  }

  private ProtocolTemplate randomTemplate() {
    int phaseCount = 1 + random.nextInt(3);
    List<List<SessionKind>> plan = new ArrayList<>();
    for (int p = 0; p < phaseCount; p++) {
      List<SessionKind> list = new ArrayList<>();
      int sessions = 1 + random.nextInt(3);
      for (int s = 0; s < sessions; s++) {
        SessionKind kind = random.nextInt(2) == 0 ? SessionKind.DOSING : SessionKind.values()[random.nextInt(6)];
        list.add(kind);
        kinds.add(kind);
      }
      plan.add(list);
    }
    List<Phase> phases = new ArrayList<>();
    for (int p = 0; p < phaseCount; p++) {
      Phase.Builder b = Phase.builder().id("phase" + p).title("Phase " + p);
      for (SessionKind kind : plan.get(p)) {
        b.addSessions(randomSession(kind));
      }
      if (random.nextBoolean()) {
        b.onMissed(MissedSessionPolicy.values()[random.nextInt(2)]);
      }
      if (p > 0 && random.nextInt(3) == 0) {
        b.stepBack(StepBack.builder()
            .instrument(Instrument.PHQ9)
            .worsenedByAtLeast(5)
            .toPhase("phase" + random.nextInt(p))
            .build());
      }
      phases.add(b.build());
    }
    return template(phases.toArray(new Phase[0]));
  }

  private SessionTemplate randomSession(SessionKind kind) {
    String id = "s" + sessionIds.size();
    int earlier = sessionIds.size();
    sessionIds.add(id);
    SessionTemplate.Builder b = session(id, kind);
    switch (random.nextInt(3)) {
      case 0:
        b.count(1 + random.nextInt(4));
        break;
      case 1:
        b.repeat(randomRepeat());
        break;
      default:
        break;
    }
    if (random.nextInt(10) < 6) {
      b.timing(randomTiming(earlier));
    }
    if (kind == SessionKind.DOSING) {
      int steps = random.nextInt(3);
      for (int i = 0; i < steps; i++) {
        Duration earliest = pick(new Duration[] {Duration.ZERO, d(1), h(12)});
        Duration latest = earliest.plus(pick(new Duration[] {d(1), d(3), d(7), h(36)}));
        b.addIntegrationSteps(IntegrationStep.builder()
            .id(id + "-step" + i)
            .kind(IntegrationKind.values()[random.nextInt(IntegrationKind.values().length)])
            .title("Step " + i)
            .from(AnchorPoint.values()[random.nextInt(2)])
            .earliest(earliest)
            .latest(latest)
            .required(random.nextBoolean())
            .build());
      }
    }
    int assessments = random.nextInt(3);
    for (int i = 0; i < assessments; i++) {
      b.addAssessments(AssessmentSpec.builder()
          .instrument(i == 0 ? Instrument.PHQ9 : Instrument.MADRS)
          .required(random.nextBoolean())
          .build());
    }
    return b.build();
  }

  private Repeat randomRepeat() {
    Repeat.Builder b = Repeat.builder();
    if (random.nextBoolean()) {
      b.timesPerWeek(1 + random.nextInt(random.nextInt(4) == 0 ? 7 : 3));
    } else {
      // Now and then a period shorter than a day, which no plan on dates can hold.
      b.every(random.nextInt(40) == 0 ? h(12) : pick(PERIODS));
    }
    int limit = random.nextInt(20);
    if (limit < 10) {
      b.weeks(1 + random.nextInt(5));
    } else if (limit < 17) {
      b.occurrences(1 + random.nextInt(8));
    }
    return b.build();
  }

  private Timing randomTiming(int earlier) {
    Timing.Builder b = Timing.builder();
    if (earlier > 0 && random.nextBoolean()) {
      b.anchor(Anchor.builder()
          .session(sessionIds.get(random.nextInt(earlier)))
          .point(AnchorPoint.values()[random.nextInt(2)])
          .build());
    }
    Duration target = pick(OFFSETS);
    b.target(target);
    if (random.nextInt(10) < 3) {
      b.earliest(target.minus(pick(WIDTHS)));
    }
    if (random.nextInt(10) < 3) {
      b.latest(target.plus(pick(WIDTHS)));
    }
    int intervals = random.nextInt(5) < 3 ? random.nextInt(2) : 2;
    List<SessionKind> present = new ArrayList<>(kinds);
    for (int i = 0; i < intervals; i++) {
      SessionKind after = present.get(random.nextInt(present.size()));
      Duration min = random.nextInt(3) == 0 ? null : pick(new Duration[] {Duration.ZERO, d(1), d(2), d(3), h(30)});
      Duration max = random.nextInt(3) == 0 && min != null ? null
          : (min == null ? Duration.ZERO : min).plus(pick(new Duration[] {d(1), d(4), d(7), d(7), d(14), d(14), d(21), h(20)}));
      b.addIntervals(interval(after, min, max));
    }
    return b.build();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
