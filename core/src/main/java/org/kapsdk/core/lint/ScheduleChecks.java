package org.kapsdk.core.lint;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.SessionAt;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.model.Timing;
import org.kapsdk.core.plan.ClinicCalendar;
import org.kapsdk.core.plan.CoursePlanner;
import org.kapsdk.core.plan.PlanningException;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;

/** Whether a calendar can hold the course, and whether every phase can be entered: KAP-L016 to KAP-L021. */
final class ScheduleChecks {
  /** The start the catch-all plans from: a Monday, so weekday-bound patterns start where authors expect. */
  static final LocalDate PLAN_START = LocalDate.of(2026, 1, 5);

  private ScheduleChecks() {}

  /** KAP-L016: for one earlier kind, the longest minimum interval exceeds the shortest maximum. */
  static void intervalMinAboveMax(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.sessions) {
      List<IntervalConstraint> intervals = s.session().timing().map(Timing::intervals).orElse(List.of());
      for (int i = 0; i < intervals.size(); i++) {
        IntervalConstraint max = intervals.get(i);
        if (max.max().isEmpty()) {
          continue;
        }
        int worst = -1;
        for (int j = 0; j < intervals.size(); j++) {
          IntervalConstraint min = intervals.get(j);
          if (j != i && min.after() == max.after() && min.min().isPresent() && min.min().get().compareTo(max.max().get()) > 0
              && (worst < 0 || min.min().get().compareTo(intervals.get(worst).min().get()) > 0)) {
            worst = j;
          }
        }
        if (worst >= 0) {
          Duration low = intervals.get(worst).min().get();
          sink.add(Paths.index(s.at("timing.intervals"), i),
              "session " + s.id() + " must be at least " + Texts.duration(low) + " after the latest " + max.after()
                  + " session (timing.intervals[" + worst + "]) and at most " + Texts.duration(max.max().get())
                  + " after it (timing.intervals[" + i + "]): no date can keep both",
              "make the minimum interval after " + max.after() + " no longer than the maximum");
        }
      }
    }
  }

  /** KAP-L017: a repeat whose own targets break the session's interval after its own kind. */
  static void repeatBreaksInterval(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.sessions) {
      Optional<Spacing> spacing = Spacing.of(s.session()).filter(x -> s.session().repeat().isPresent() && x.hasGaps());
      if (spacing.isEmpty()) {
        continue;
      }
      List<IntervalConstraint> intervals = s.session().timing().map(Timing::intervals).orElse(List.of());
      for (int i = 0; i < intervals.size(); i++) {
        IntervalConstraint c = intervals.get(i);
        if (c.after() != s.session().kind()) {
          continue;
        }
        Duration shortest = Duration.ofDays(spacing.get().minGap());
        Duration longest = Duration.ofDays(spacing.get().maxGap());
        if (c.min().isPresent() && shortest.compareTo(c.min().get()) < 0 && cannotFit(s, c).isEmpty()) {
          sink.add(s.at("repeat"),
              spacing.get().describe() + " places sessions of " + s.id() + " " + Texts.duration(shortest) + " apart, closer than"
                  + " their minimum of " + Texts.duration(c.min().get()) + " after " + c.after() + " (timing.intervals[" + i
                  + "]): the scheduler must move sessions off the pattern",
              "make the pattern and the interval agree: change the repeat or the interval's min");
        }
        if (c.max().isPresent() && longest.compareTo(c.max().get()) > 0) {
          sink.add(s.at("repeat"),
              spacing.get().describe() + " places sessions of " + s.id() + " " + Texts.duration(longest) + " apart, further than"
                  + " their maximum of " + Texts.duration(c.max().get()) + " after " + c.after() + " (timing.intervals[" + i
                  + "]): the scheduler must move sessions off the pattern",
              "make the pattern and the interval agree: change the repeat or the interval's max");
        }
      }
    }
  }

  /**
   * KAP-L018: a {@code timesPerWeek} repeat for a number of weeks whose sessions, kept apart by
   * the session's own minimum interval, need more days than those weeks hold. The scheduler
   * keeps each such session in its own week, so the first is on day 0 at the earliest and the
   * last on the last day of the last week at the latest.
   */
  static void repeatCannotFit(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.sessions) {
      List<IntervalConstraint> intervals = s.session().timing().map(Timing::intervals).orElse(List.of());
      for (int i = 0; i < intervals.size(); i++) {
        int at = i;
        cannotFit(s, intervals.get(i)).ifPresent(need -> {
          Repeat r = s.session().repeat().orElseThrow();
          int weeks = r.weeks().orElseThrow();
          long count = (long) weeks * r.timesPerWeek().orElseThrow();
          sink.add(s.at("repeat"),
              Spacing.of(s.session()).orElseThrow().describe() + " for " + Texts.count(weeks, "week") + " asks for " + count
                  + " sessions of " + s.id() + ", at least " + Texts.duration(intervals.get(at).min().orElseThrow()) + " apart"
                  + " (timing.intervals[" + at + "]): they need " + need + " days from the first to the last, but "
                  + Texts.count(weeks, "week") + " hold " + (7L * weeks),
              "lower timesPerWeek, add weeks, or shorten the minimum interval");
        });
      }
    }
  }

  /** The days the sessions need, when more than the weeks hold. */
  private static Optional<Long> cannotFit(SessionAt s, IntervalConstraint c) {
    Optional<Repeat> repeat = s.session().repeat();
    if (repeat.isEmpty() || repeat.get().timesPerWeek().isEmpty() || repeat.get().weeks().isEmpty()
        || c.after() != s.session().kind() || c.min().isEmpty()) {
      return Optional.empty();
    }
    long count = (long) repeat.get().weeks().get() * repeat.get().timesPerWeek().get();
    long need;
    try {
      need = Math.addExact(Math.multiplyExact(count - 1, Spacing.ceilDays(c.min().get())), 1);
    } catch (ArithmeticException e) {
      need = Long.MAX_VALUE;
    }
    long hold = 7L * repeat.get().weeks().get();
    return count >= 2 && need > hold ? Optional.of(need) : Optional.empty();
  }

  /** KAP-L019: the scheduler finds no plan even on a calendar open every day. */
  static void unplannable(TemplateIndex index, Sink sink) {
    try {
      CoursePlanner.plan(index.template, PLAN_START, ClinicCalendar.open(ZoneOffset.UTC));
    } catch (PlanningException e) {
      for (Problem p : e.problems()) {
        sink.add(p.path(),
            "no plan exists even with the clinic open every day from Monday " + PLAN_START + ": " + p.message(),
            "change the window, pattern or interval the message names until a plan exists");
      }
    }
  }

  /**
   * KAP-L020: a phase no patient can enter. Phases are entered in order; a phase with an
   * open-ended repeat is left only by a decision; a phase named by a decision's {@code onResponse}
   * (or, without one, the phase after the deciding phase) or by a step back's {@code toPhase} is
   * reachable from the phase that names it.
   */
  static void phaseUnreachable(TemplateIndex index, Sink sink) {
    ProtocolTemplate t = index.template;
    int n = t.phases().size();
    boolean[] reached = new boolean[n];
    Deque<Integer> todo = new ArrayDeque<>();
    reached[0] = true;
    todo.add(0);
    while (!todo.isEmpty()) {
      int i = todo.poll();
      Phase phase = t.phases().get(i);
      if (!openEnded(phase) && i + 1 < n) {
        reach(i + 1, reached, todo);
      }
      phase.decision().ifPresent(d -> {
        int target = d.onResponse().map(id -> indexOf(t, id)).orElse(i + 1);
        if (target >= 0 && target < n) {
          reach(target, reached, todo);
        }
      });
      phase.stepBack().ifPresent(b -> {
        int target = indexOf(t, b.toPhase());
        if (target >= 0) {
          reach(target, reached, todo);
        }
      });
    }
    for (int i = 1; i < n; i++) {
      if (reached[i]) {
        continue;
      }
      Phase previous = t.phases().get(i - 1);
      String why = reached[i - 1]
          ? "it follows phase " + previous.id() + ", whose open-ended repeat only a decision ends"
          : "it follows phase " + previous.id() + ", which can never be entered either";
      sink.add(Paths.index("phases", i),
          "phase " + t.phases().get(i).id() + " can never be entered: " + why + ", and no decision or step back names it",
          "name phase " + t.phases().get(i).id() + " in a decision's onResponse, or move it before the open-ended phase");
    }
  }

  private static void reach(int i, boolean[] reached, Deque<Integer> todo) {
    if (!reached[i]) {
      reached[i] = true;
      todo.add(i);
    }
  }

  private static int indexOf(ProtocolTemplate t, String phaseId) {
    for (int i = 0; i < t.phases().size(); i++) {
      if (t.phases().get(i).id().equals(phaseId)) {
        return i;
      }
    }
    return -1;
  }

  static boolean openEnded(Phase phase) {
    return phase.sessions().stream()
        .anyMatch(s -> s.repeat().filter(r -> r.weeks().isEmpty() && r.occurrences().isEmpty()).isPresent());
  }

  /** KAP-L021: a decision point or step back on an instrument no session in or before its phase assesses. */
  static void decisionInstrumentNotAssessed(TemplateIndex index, Sink sink) {
    ProtocolTemplate t = index.template;
    for (int i = 0; i < t.phases().size(); i++) {
      Phase phase = t.phases().get(i);
      int upTo = i;
      String path = Paths.index("phases", i);
      phase.decision().map(DecisionPoint::instrument).filter(in -> !assessedUpTo(index, upTo, in)).ifPresent(in ->
          sink.add(Paths.join(path, "decision.instrument"),
              "the decision at the end of phase " + phase.id() + " judges response on the " + in.displayName()
                  + ", which no session template in this phase or an earlier one assesses: the decision can never be judged",
              "add " + in.displayName() + " to the assessments of a session in or before phase " + phase.id()));
      phase.stepBack().map(StepBack::instrument).filter(in -> !assessedUpTo(index, upTo, in)).ifPresent(in ->
          sink.add(Paths.join(path, "stepBack.instrument"),
              "the step back of phase " + phase.id() + " watches the " + in.displayName()
                  + " total, which no session template in this phase or an earlier one assesses: worsening can never be seen",
              "add " + in.displayName() + " to the assessments of a session in or before phase " + phase.id()));
    }
  }

  private static boolean assessedUpTo(TemplateIndex index, int phaseIndex, Instrument instrument) {
    return index.sessions.stream().anyMatch(s -> s.phaseIndex() <= phaseIndex && MonitoringChecks.assesses(s, instrument));
  }
}
