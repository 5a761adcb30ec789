package org.kapsdk.core.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Timing;

/**
 * Checks a fresh plan against its template and calendar from the rules as documented, without
 * using the planner's own code: closed days, interval constraints, timing windows, repeat-pattern
 * windows, occurrence counts, step and assessment windows, ids and order. Returns every
 * violation as a sentence; an empty list means the plan keeps every rule.
 */
final class PlanChecker {
  private static final long DAY = 86_400;

  private final ProtocolTemplate template;
  private final CoursePlan plan;
  private final List<String> violations = new ArrayList<>();
  private final Map<String, List<PlannedItem>> byTemplate = new HashMap<>();
  private final Map<String, Integer> phaseOf = new HashMap<>();

  private PlanChecker(ProtocolTemplate template, CoursePlan plan) {
    this.template = template;
    this.plan = plan;
  }

  static List<String> violations(ProtocolTemplate template, CoursePlan plan) {
    PlanChecker c = new PlanChecker(template, plan);
    c.check();
    return c.violations;
  }

  private void check() {
    List<PlannedItem> sessions = plan.sessions();
    for (int p = 0; p < template.phases().size(); p++) {
      for (SessionTemplate s : template.phases().get(p).sessions()) {
        byTemplate.put(s.id(), new ArrayList<>());
        phaseOf.put(s.id(), p);
      }
    }
    LocalDate previous = null;
    for (PlannedItem i : plan.items()) {
      if (previous != null && i.target().isBefore(previous)) {
        fail("items out of date order at " + i.id());
      }
      previous = i.target();
    }
    for (PlannedItem s : sessions) {
      byTemplate.get(s.sessionTemplateId()).add(s);
      if (!plan.calendar().isOpen(s.target())) {
        fail(s.id() + " is on a closed day " + s.target());
      }
      if (s.target().isBefore(s.earliest()) || s.target().isAfter(s.latest())) {
        fail(s.id() + " is outside its own window");
      }
    }
    intervals(sessions);
    int firstUnplanned = template.phases().size();
    for (int p = 0; p < template.phases().size(); p++) {
      for (SessionTemplate s : template.phases().get(p).sessions()) {
        if (openEnded(s)) {
          firstUnplanned = Math.min(firstUnplanned, p + 1);
        }
      }
    }
    for (int p = 0; p < template.phases().size(); p++) {
      Phase phase = template.phases().get(p);
      for (SessionTemplate s : phase.sessions()) {
        occurrences(phase, p, s, p >= firstUnplanned);
      }
    }
    followers(sessions);
  }

  /* ------------------------------------------------------------------ intervals */

  private void intervals(List<PlannedItem> sessions) {
    for (int n = 0; n < sessions.size(); n++) {
      PlannedItem s = sessions.get(n);
      SessionTemplate t = templateOf(s.sessionTemplateId());
      List<IntervalConstraint> rules = t.timing().map(Timing::intervals).orElse(List.of());
      for (IntervalConstraint rule : rules) {
        PlannedItem ref = null;
        for (int m = n - 1; m >= 0; m--) {
          if (sessions.get(m).sessionKind() == rule.after()) {
            ref = sessions.get(m);
            break;
          }
        }
        if (ref == null) {
          continue;
        }
        long gap = days(ref.target(), s.target());
        if (rule.min().isPresent() && gap < ceil(rule.min().get())) {
          fail(s.id() + " is " + gap + " d after " + ref.id() + ", less than min " + rule.min().get());
        }
        if (rule.max().isPresent() && gap > floor(rule.max().get())) {
          fail(s.id() + " is " + gap + " d after " + ref.id() + ", more than max " + rule.max().get());
        }
      }
    }
  }

  /* ------------------------------------------------------------------ occurrences and windows */

  private void occurrences(Phase phase, int p, SessionTemplate s, boolean unplannedPhase) {
    List<PlannedItem> items = byTemplate.get(s.id());
    Optional<Timing> timing = s.timing();
    Optional<String> anchor = timing.flatMap(Timing::anchor).map(a -> a.session());
    if (unplannedPhase || anchor.isPresent() && byTemplate.get(anchor.get()).isEmpty()) {
      if (!items.isEmpty()) {
        fail(s.id() + " should not be planned");
      }
      return;
    }
    LocalDate base = anchor.isPresent() ? last(byTemplate.get(anchor.get())).target() : phaseStart(p);
    long target = timing.map(t -> round(t.target())).orElse(0L);
    Long lo = timing.flatMap(Timing::earliest).map(PlanChecker::ceil).orElse(null);
    Long hi = timing.flatMap(Timing::latest).map(PlanChecker::floor).orElse(null);
    if (lo != null && target < lo) {
      target = lo;
    }
    if (hi != null && target > hi) {
      target = hi;
    }
    LocalDate start = base.plusDays(target);
    int expected = expectedCount(s, start);
    if (items.size() != expected) {
      fail(s.id() + " has " + items.size() + " sessions, expected " + expected);
      return;
    }
    for (int k = 0; k < items.size(); k++) {
      PlannedItem item = items.get(k);
      if (item.occurrence() != k + 1 || !item.id().equals(phase.id() + "/" + s.id() + "/" + (k + 1))) {
        fail(item.id() + " has the wrong occurrence or id");
      }
      if (!item.phaseId().equals(phase.id()) || item.sessionKind() != s.kind()) {
        fail(item.id() + " has the wrong phase or kind");
      }
      LocalDate windowLo;
      LocalDate windowHi;
      LocalDate nominal;
      if (s.repeat().isPresent()) {
        nominal = start.plusDays(dayOffset(s.repeat().get(), k));
        long[] w = repeatWindow(s.repeat().get(), k);
        windowLo = nominal.plusDays(w[0]);
        windowHi = nominal.plusDays(w[1]);
      } else if (k == 0) {
        nominal = start;
        windowLo = start;
        windowHi = start.plusDays(6);
      } else {
        nominal = items.get(k - 1).target().plusDays(countGap(s));
        windowLo = nominal;
        windowHi = nominal.plusDays(6);
      }
      if (k == 0) {
        if (lo != null) {
          windowLo = base.plusDays(lo);
        }
        if (hi != null) {
          windowHi = base.plusDays(hi);
        }
      } else if (!item.target().isAfter(items.get(k - 1).target())) {
        fail(item.id() + " is not after the previous occurrence");
      }
      if (item.target().isBefore(windowLo) || item.target().isAfter(windowHi)) {
        fail(item.id() + " on " + item.target() + " is outside its window " + windowLo + " to " + windowHi);
      }
      if (!item.nominal().orElse(item.target()).equals(nominal)) {
        fail(item.id() + " has nominal " + item.nominal() + ", expected " + nominal);
      }
    }
  }

  private int expectedCount(SessionTemplate s, LocalDate start) {
    if (s.repeat().isEmpty()) {
      return s.count().orElse(1);
    }
    Repeat r = s.repeat().get();
    if (r.occurrences().isPresent()) {
      return r.occurrences().get();
    }
    if (r.weeks().isPresent()) {
      int count = 0;
      while (dayOffset(r, count) < 7L * r.weeks().get()) {
        count++;
      }
      return count;
    }
    int count = 0;
    while (start.plusDays(dayOffset(r, count)).isBefore(plan.horizonEnd())) {
      count++;
    }
    return count;
  }

  private LocalDate phaseStart(int p) {
    if (p == 0) {
      return plan.start();
    }
    LocalDate result = null;
    for (SessionTemplate s : template.phases().get(p - 1).sessions()) {
      List<PlannedItem> items = byTemplate.get(s.id());
      if (items.isEmpty()) {
        continue;
      }
      LocalDate next = last(items).target().plusDays(1);
      if (s.repeat().isPresent()) {
        LocalDate patternStart = items.get(0).nominal().orElse(items.get(0).target());
        LocalDate slot = patternStart.plusDays(dayOffset(s.repeat().get(), items.size()));
        next = slot.isAfter(next) ? slot : next;
      }
      result = result == null || next.isAfter(result) ? next : result;
    }
    return result == null ? phaseStart(p - 1) : result;
  }

  private static long dayOffset(Repeat r, int k) {
    if (r.timesPerWeek().isPresent()) {
      int n = r.timesPerWeek().get();
      return 7L * (k / n) + Math.floorDiv(7L * (k % n), n);
    }
    return Math.floorDiv(k * r.every().get().getSeconds(), DAY);
  }

  private static long[] repeatWindow(Repeat r, int k) {
    long t = dayOffset(r, k);
    if (r.timesPerWeek().isPresent()) {
      int n = r.timesPerWeek().get();
      long week = 7L * (k / n);
      int i = k % n;
      return new long[] {week + i - t, week + 7 - n + i - t};
    }
    long lo = k == 0 ? 0 : -((t - dayOffset(r, k - 1)) / 2);
    long next = dayOffset(r, k + 1) - t;
    return new long[] {lo, (next + 1) / 2 - 1};
  }

  private static long countGap(SessionTemplate s) {
    long gap = 1;
    for (IntervalConstraint c : s.timing().map(Timing::intervals).orElse(List.of())) {
      if (c.after() == s.kind() && c.min().isPresent()) {
        gap = Math.max(gap, ceil(c.min().get()));
      }
    }
    return gap;
  }

  /* ------------------------------------------------------------------ steps and assessments */

  private void followers(List<PlannedItem> sessions) {
    int expected = sessions.size();
    for (PlannedItem s : sessions) {
      SessionTemplate t = templateOf(s.sessionTemplateId());
      for (AssessmentSpec a : t.assessments()) {
        expected++;
        Optional<PlannedItem> item = plan.item(s.id() + "/" + a.instrument().name());
        if (item.isEmpty() || !item.get().target().equals(s.target()) || !item.get().latest().equals(s.target())
            || item.get().required() != a.required()) {
          fail("assessment " + a.instrument() + " of " + s.id() + " is missing or not due on its session's date");
        }
      }
      for (IntegrationStep step : t.integrationSteps()) {
        expected++;
        Optional<PlannedItem> item = plan.item(s.id() + "/" + step.id());
        LocalDate lo = s.target().plusDays(Math.floorDiv(step.earliest().getSeconds(), DAY));
        LocalDate hi = s.target().plusDays(ceil(step.latest()));
        LocalDate target = lo;
        for (LocalDate d = hi; !d.isBefore(lo); d = d.minusDays(1)) {
          if (plan.calendar().isOpen(d)) {
            target = d;
          }
        }
        if (item.isEmpty() || !item.get().earliest().equals(lo) || !item.get().latest().equals(hi)
            || !item.get().target().equals(target) || item.get().required() != step.required()) {
          fail("step " + step.id() + " of " + s.id() + " is missing or outside " + lo + " to " + hi);
        }
      }
    }
    if (plan.items().size() != expected) {
      fail("the plan holds " + plan.items().size() + " items, expected " + expected);
    }
  }

  /* ------------------------------------------------------------------ helpers */

  private SessionTemplate templateOf(String id) {
    return template.sessions().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static boolean openEnded(SessionTemplate s) {
    return s.repeat().map(r -> r.weeks().isEmpty() && r.occurrences().isEmpty()).orElse(false);
  }

  private static PlannedItem last(List<PlannedItem> items) {
    return items.get(items.size() - 1);
  }

  private static long days(LocalDate a, LocalDate b) {
    return ChronoUnit.DAYS.between(a, b);
  }

  private static long ceil(Duration d) {
    return Math.floorDiv(d.getSeconds() + DAY - 1, DAY);
  }

  private static long floor(Duration d) {
    return Math.floorDiv(d.getSeconds(), DAY);
  }

  private static long round(Duration d) {
    return Math.floorDiv(d.getSeconds() + DAY / 2, DAY);
  }

  private void fail(String violation) {
    violations.add(violation);
  }
}
