package org.kapsdk.core.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kapsdk.core.internal.DeferredValidation;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/**
 * The structural checks of the plan values, in one place: what must never exist, such as a
 * calendar closed every day, an item whose id does not match its fields, or a plan whose items
 * are out of date order. Whether a plan satisfies its template is the planner's guarantee, not a
 * structural check.
 */
public final class PlanChecks {
  /** The longest horizon: 520 weeks. */
  static final Duration MAX_HORIZON = Duration.ofDays(520L * 7);

  private PlanChecks() {}

  /** Every structural problem of a plan value, with paths relative to it; empty when it is valid. */
  public static List<Problem> problemsOf(Object value) {
    Problems p = new Problems();
    dispatch(p, "", value);
    return p.toList();
  }

  static void check(Object value) {
    DeferredValidation.checkNow(value, PlanChecks::problemsOf);
  }

  private static void dispatch(Problems p, String path, Object v) {
    if (v instanceof ClinicCalendar c) {
      calendar(p, path, c);
    } else if (v instanceof PlanOptions o) {
      options(p, path, o);
    } else if (v instanceof PlannedItem i) {
      item(p, path, i);
    } else if (v instanceof CoursePlan c) {
      plan(p, path, c);
    } else if (v instanceof PlanChange c) {
      change(p, path, c);
    } else if (v instanceof ReplanInput r) {
      input(p, path, r);
    } else {
      throw new IllegalArgumentException("not a plan value: " + v.getClass().getSimpleName());
    }
  }

  private static void calendar(Problems p, String path, ClinicCalendar c) {
    p.require(c.closedWeekdays().size() < 7, Paths.join(path, "closedWeekdays"),
        "all seven weekdays are closed; the clinic must be open on at least one weekday");
  }

  private static void options(Problems p, String path, PlanOptions o) {
    Duration h = o.horizon();
    String hp = Paths.join(path, "horizon");
    if (h.toSeconds() % 86_400 != 0 || h.getNano() != 0) {
      p.add(hp, "must be a whole number of days, not " + DurationText.format(h));
    } else if (h.compareTo(Duration.ofDays(1)) < 0 || h.compareTo(MAX_HORIZON) > 0) {
      p.add(hp, "must be between 1 d and 520 wk, not " + DurationText.format(h));
    }
  }

  private static void item(Problems p, String path, PlannedItem i) {
    p.require(i.occurrence() >= 1, Paths.join(path, "occurrence"), "must be at least 1");
    String session = PlannedItem.sessionId(i.phaseId(), i.sessionTemplateId(), i.occurrence());
    String expected;
    switch (i.kind()) {
      case SESSION:
        absent(p, path, "stepId", i.stepId());
        absent(p, path, "instrument", i.instrument());
        absent(p, path, "sessionItemId", i.sessionItemId());
        p.require(i.required(), Paths.join(path, "required"), "a session is always required");
        expected = session;
        break;
      case INTEGRATION_STEP:
        present(p, path, "stepId", i.stepId());
        absent(p, path, "instrument", i.instrument());
        expected = i.stepId().map(s -> PlannedItem.stepId(session, s)).orElse(null);
        break;
      case ASSESSMENT:
        absent(p, path, "stepId", i.stepId());
        present(p, path, "instrument", i.instrument());
        expected = i.instrument().map(in -> PlannedItem.assessmentId(session, in)).orElse(null);
        break;
      default:
        throw new AssertionError(i.kind());
    }
    if (i.kind() != ItemKind.SESSION) {
      present(p, path, "sessionItemId", i.sessionItemId());
      i.sessionItemId().ifPresent(s -> p.require(s.equals(session), Paths.join(path, "sessionItemId"),
          "must be '" + session + "', the session of this item"));
      p.require(i.status() == ItemStatus.PLANNED, Paths.join(path, "status"),
          "only a session can be " + i.status());
      absent(p, path, "nominal", i.nominal());
    }
    if (expected != null) {
      p.require(i.id().equals(expected), Paths.join(path, "id"),
          "'" + i.id() + "' does not match the item's fields; expected '" + expected + "'");
    }
    if (i.earliest().isAfter(i.latest())) {
      p.add(Paths.join(path, "earliest"), "earliest " + i.earliest() + " is after latest " + i.latest());
    } else if (i.status() != ItemStatus.HELD
        && (i.target().isBefore(i.earliest()) || i.target().isAfter(i.latest()))) {
      p.add(Paths.join(path, "target"),
          "target " + i.target() + " is outside the window " + i.earliest() + " to " + i.latest());
    }
    i.nominal().ifPresent(n -> p.require(!n.equals(i.target()), Paths.join(path, "nominal"),
        "is only set when it differs from the target"));
  }

  private static void absent(Problems p, String path, String field, Optional<?> value) {
    p.require(value.isEmpty(), Paths.join(path, field), "is not allowed on this kind of item");
  }

  private static void present(Problems p, String path, String field, Optional<?> value) {
    p.require(value.isPresent(), Paths.join(path, field), "is required on this kind of item");
  }

  private static void plan(Problems p, String path, CoursePlan c) {
    p.require(c.horizonEnd().isAfter(c.start()), Paths.join(path, "horizonEnd"),
        "must be after the start " + c.start());
    Map<String, PlannedItem> sessions = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    LocalDate previous = null;
    for (int n = 0; n < c.items().size(); n++) {
      PlannedItem i = c.items().get(n);
      String ip = Paths.index(Paths.join(path, "items"), n);
      String first = ids.putIfAbsent(i.id(), ip);
      if (first != null) {
        p.add(Paths.join(ip, "id"), "duplicate item id '" + i.id() + "' (first used at " + first + ")");
      }
      if (i.kind() == ItemKind.SESSION) {
        sessions.put(i.id(), i);
      }
      if (previous != null && i.target().isBefore(previous)) {
        p.add(Paths.join(ip, "target"), "items must be in date order; " + i.target() + " follows " + previous);
      }
      previous = i.target();
    }
    for (int n = 0; n < c.items().size(); n++) {
      PlannedItem i = c.items().get(n);
      if (i.kind() != ItemKind.SESSION && i.sessionItemId().isPresent()) {
        PlannedItem s = sessions.get(i.sessionItemId().get());
        String ip = Paths.index(Paths.join(path, "items"), n);
        if (s == null) {
          p.add(Paths.join(ip, "sessionItemId"), "refers to session item '" + i.sessionItemId().get()
              + "', which the plan does not hold");
        } else {
          p.require(s.sessionKind() == i.sessionKind(), Paths.join(ip, "sessionKind"),
              "must be " + s.sessionKind() + ", the kind of its session");
          p.require(s.status() != ItemStatus.MISSED, Paths.join(ip, "sessionItemId"),
              "belongs to a missed session, whose steps and assessments are not planned");
        }
      }
    }
  }

  private static void change(Problems p, String path, PlanChange c) {
    boolean from = c.from().isPresent();
    boolean to = c.to().isPresent();
    switch (c.kind()) {
      case ADDED:
        p.require(!from && to, path, "an ADDED change has a 'to' date and no 'from' date");
        break;
      case DROPPED:
        p.require(from && !to, path, "a DROPPED change has a 'from' date and no 'to' date");
        break;
      default:
        p.require(from && to, path, "a " + c.kind() + " change has both a 'from' and a 'to' date");
        break;
    }
    p.require(!c.reason().isBlank(), Paths.join(path, "reason"), "must not be blank");
  }

  private static void input(Problems p, String path, ReplanInput r) {
    for (String id : r.held().keySet()) {
      p.require(!r.missed().contains(id), Paths.join(path, "missed"),
          "session '" + id + "' is reported both held and missed");
    }
  }
}
