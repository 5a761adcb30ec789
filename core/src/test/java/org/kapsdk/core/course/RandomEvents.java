package org.kapsdk.core.course;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.outcome.Scoring;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Unit;

/**
 * Random, structurally valid course events of every type, for round-trip tests: optional fields
 * present or absent, unicode and YAML-tricky text, instants with and without fractions of a
 * second, decimal quantities in any unit. The events need not fit any course (a dose before the
 * course started is fine here); the builders check what they build, so a generator mistake shows
 * up as a ValidationException from the generator, never as a false round-trip failure.
 */
final class RandomEvents {
  private static final String[] PIECES = {
    "a", "b", "Z", "0", "7", " ", "-", ".", ",", ":", ": ", "#", " #", "'", "\"", "\\", "/", "&", "*", "!", "|",
    ">", "%", "@", "`", "[", "]", "?", "~", "{", "}", "é", "ß", "治療", "ケタミン", "العلاج", "שלום", "µg", "≥", "—",
    "\u00A0", "\u200B", "🧪", "e\u0301", "\t", "\u2028", "\u0085"
  };
  private static final String[] TRICKY = {
    "true", "no", "null", "~", "123", "0123", "1.0", "1e3", "0x1F", ".inf", "2026-01-05", "12:30", "12:30.", "- item", "? key",
    "key: value", "#comment", "&anchor", "*alias", "!tag", "---", "...", " leading", "trailing ", "{}", "[]", "<<"
  };
  private static final String[] ZONES = {"America/New_York", "Europe/Berlin", "Asia/Tokyo", "UTC", "Z", "+05:30"};
  private static final Code[] CODES = {
    Codes.SYSTOLIC_BP, Codes.BODY_WEIGHT, Code.of("urn:clinic:ae", "dissociation", "Dissociation"),
    Code.builder().system("http://snomed.info/sct").code("123").build(), Code.of("urn:x", "null", "~")
  };

  private final Random random;

  private RandomEvents(Random random) {
    this.random = random;
  }

  /** Between 0 and {@code max} random events. */
  static List<CourseEvent> events(Random random, int max) {
    RandomEvents g = new RandomEvents(random);
    int n = random.nextInt(max + 1);
    List<CourseEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(g.event());
    }
    return out;
  }

  /** A random course id. */
  static String courseId(Random random) {
    return new RandomEvents(random).id();
  }

  CourseEvent event() {
    Instant at = instant();
    Optional<String> by = optional(this::id);
    switch (random.nextInt(17)) {
      case 0:
        return CourseStarted.builder().at(at).by(by).courseId(id()).patientId(id()).templateId(id()).templateVersion(id())
            .startDate(LocalDate.of(2020 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)))
            .zone(ZoneId.of(ZONES[random.nextInt(ZONES.length)]))
            .closedWeekdays(list(0, 6, () -> DayOfWeek.of(1 + random.nextInt(7))))
            .closedDates(list(0, 4, () -> LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28))))
            .build();
      case 1:
        return SessionScheduled.builder().at(at).by(by).sessionId(id()).template(id()).scheduledFor(instant())
            .planItemId(optional(this::id)).build();
      case 2:
        return SessionStarted.builder().at(at).by(by).sessionId(id()).build();
      case 3:
        return SessionCompleted.builder().at(at).by(by).sessionId(id()).monitoringEndedAt(optional(this::instant)).build();
      case 4:
        return SessionMissed.builder().at(at).by(by).sessionId(id()).reason(reason()).build();
      case 5:
        return SessionCancelled.builder().at(at).by(by).sessionId(id()).reason(reason()).build();
      case 6:
        return DoseAdministered.builder().at(at).by(by).sessionId(id()).amount(quantity()).route(pick(Route.values()))
            .lot(optional(this::id)).medication(optional(this::code)).drawn(optional(this::quantity))
            .wasted(optional(this::quantity)).witness(optional(this::id)).build();
      case 7:
        return ObservationRecorded.builder().at(at).by(by)
            .observation(Observation.builder().code(code()).value(quantity()).at(instant()).build())
            .sessionId(optional(this::id)).build();
      case 8:
        return AssessmentRecorded.builder().at(at).by(by).result(assessment()).sessionId(optional(this::id)).build();
      case 9:
        return AdverseEventRecorded.builder().at(at).by(by).code(code()).severity(pick(AdverseEventSeverity.values()))
            .sessionId(optional(this::id)).build();
      case 10:
        return IntegrationStepCompleted.builder().at(at).by(by).sessionId(id()).stepId(id()).build();
      case 11:
        return OverrideRecorded.builder().at(at).by(by).override(ClinicianOverride.builder().ruleId(id()).clinicianId(id())
            .role(id()).reason(reason()).at(instant()).session(optional(this::id)).build()).build();
      case 12:
        VerdictOutcome outcome = pick(VerdictOutcome.values());
        return GateChecked.builder().at(at).by(by).gate(pick(Gate.values())).sessionId(optional(this::id)).outcome(outcome)
            .blockingRuleIds(outcome == VerdictOutcome.BLOCKED ? distinct(1, 3) : List.of())
            .overriddenRuleIds(distinct(0, 3)).build();
      case 13:
        return CoursePaused.builder().at(at).by(by).reason(reason()).build();
      case 14:
        return CourseResumed.builder().at(at).by(by).build();
      case 15:
        return CourseDiscontinued.builder().at(at).by(by).reason(reason()).build();
      default:
        return PhaseChanged.builder().at(at).by(by).toPhase(id()).reason(reason()).build();
    }
  }

  private AssessmentResult assessment() {
    Instrument instrument = pick(Instrument.values());
    AssessmentResult.Builder b = AssessmentResult.builder().instrument(instrument).at(instant());
    boolean items = random.nextBoolean();
    List<Integer> scores = new ArrayList<>();
    if (items) {
      for (int i = 0; i < instrument.items(); i++) {
        scores.add(instrument.itemMin() + random.nextInt(instrument.itemMax() - instrument.itemMin() + 1));
      }
      b.addAllItems(scores);
    }
    if (!items || random.nextBoolean()) {
      // With items, the total must be the instrument's own scoring of them (QIDS-SR16 domain
      // maxima, C-SSRS positive answers), or the result is refused.
      int total = items ? Scoring.total(instrument, scores)
          : instrument.totalMin() + random.nextInt(instrument.totalMax() - instrument.totalMin() + 1);
      b.total(total);
    }
    return b.build();
  }

  private Instant instant() {
    Instant base = Instant.parse("2020-01-01T00:00:00Z").plusSeconds((long) random.nextInt(315_000_000));
    switch (random.nextInt(4)) {
      case 0:
        return base.plusNanos(random.nextInt(1_000_000_000));
      case 1:
        return base.plusMillis(random.nextInt(1000));
      default:
        return base;
    }
  }

  private Quantity quantity() {
    BigDecimal value = BigDecimal.valueOf(random.nextInt(100_000) - 10_000, random.nextInt(4));
    return Quantity.of(value, pick(Unit.values()));
  }

  private Code code() {
    return CODES[random.nextInt(CODES.length)];
  }

  private String id() {
    String s = random.nextInt(4) == 0 ? pick(TRICKY) : text(1, 6);
    return s.isBlank() ? "x" + s : s;
  }

  private String reason() {
    String s = text(1, 8);
    return s.isBlank() ? "r" + s : s;
  }

  private String text(int min, int max) {
    StringBuilder out = new StringBuilder();
    int n = min + random.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      out.append(pick(PIECES));
    }
    return out.toString();
  }

  private List<String> distinct(int min, int max) {
    List<String> out = new ArrayList<>();
    int n = min + random.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      out.add("R-" + i + "-" + random.nextInt(1000));
    }
    return out;
  }

  private <T> List<T> list(int min, int max, Supplier<T> item) {
    List<T> out = new ArrayList<>();
    int n = min + random.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      out.add(item.get());
    }
    return out;
  }

  private <T> Optional<T> optional(Supplier<T> value) {
    return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
