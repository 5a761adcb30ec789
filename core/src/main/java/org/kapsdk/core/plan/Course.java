package org.kapsdk.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.kapsdk.core.model.IntervalConstraint;
import org.kapsdk.core.model.MissedSessionPolicy;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Timing;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;

/**
 * What the planner reads from a template, once: every session template with its path, pattern,
 * timing in days and interval rules, in course order (the order sessions are planned in and the
 * order that breaks ties on one date).
 */
final class Course {
  /** How much later than its target a session without an explicit window may be planned. */
  static final int DEFAULT_DELAY_DAYS = 6;
  /** The most sessions one plan holds. */
  static final int MAX_SESSIONS = 5000;
  /** The longest offset or period a plan accepts: 100 years. */
  static final Duration MAX_SPAN = Duration.ofDays(36_525);

  /** An interval constraint in whole days (min rounded up, max rounded down). */
  static final class Rule {
    final SessionKind after;
    final Long minDays;
    final Long maxDays;
    final String path;
    final IntervalConstraint source;

    Rule(IntervalConstraint c, String path) {
      this.after = c.after();
      this.minDays = c.min().map(Days::ceil).orElse(null);
      this.maxDays = c.max().map(Days::floor).orElse(null);
      this.path = path;
      this.source = c;
    }

    String minText() {
      return "min " + Days.duration(source.min().orElseThrow()) + " after " + after;
    }

    String maxText() {
      return "max " + Days.duration(source.max().orElseThrow()) + " after " + after;
    }
  }

  /** One session template as the planner sees it. */
  static final class Tmpl {
    final int phaseIndex;
    final int sessionIndex;
    final Phase phase;
    final SessionTemplate session;
    final String path;
    final Pattern pattern;
    final List<Rule> rules = new ArrayList<>();
    /** The target offset from the base (anchor date or phase start), in days. */
    long targetDays;
    /** The first occurrence's window as offsets from its target. */
    long firstLo;
    long firstHi;
    /** Where messages about the first occurrence's window point. */
    String firstWindowPath;
    Tmpl anchor;
    int rank;

    Tmpl(int phaseIndex, int sessionIndex, Phase phase, SessionTemplate session, String path) {
      this.phaseIndex = phaseIndex;
      this.sessionIndex = sessionIndex;
      this.phase = phase;
      this.session = session;
      this.path = path;
      this.pattern = Pattern.of(session);
    }

    String id() {
      return session.id();
    }

    SessionKind kind() {
      return session.kind();
    }

    MissedSessionPolicy policy() {
      return phase.onMissed().orElse(MissedSessionPolicy.KEEP_SCHEDULE);
    }

    /** Where messages about the window of occurrence k (from 0) point. */
    String windowPath(int k) {
      if (k == 0) {
        return firstWindowPath;
      }
      return pattern.isRepeat() ? Paths.join(path, "repeat") : Paths.join(path, "count");
    }

    /** The window of occurrence k (from 0), as day offsets from its target. */
    long[] window(int k) {
      if (k == 0) {
        return new long[] {firstLo, firstHi};
      }
      if (pattern.isRepeat()) {
        return pattern.window(k);
      }
      return new long[] {0, DEFAULT_DELAY_DAYS};
    }

    /** The day gap a count session keeps from its previous occurrence: 1, or its own min. */
    long countGap() {
      long gap = 1;
      for (Rule r : rules) {
        if (r.after == kind() && r.minDays != null) {
          gap = Math.max(gap, r.minDays);
        }
      }
      return gap;
    }
  }

  final ProtocolTemplate template;
  /** Session templates in course order; {@code rank} is the index. */
  final List<Tmpl> order;
  final Map<String, Tmpl> byId;
  final List<List<Tmpl>> phases;
  /** Phases from this index on are not planned: they follow an open-ended phase. */
  final int firstUnplannedPhase;

  private Course(ProtocolTemplate template, List<Tmpl> order, Map<String, Tmpl> byId,
      List<List<Tmpl>> phases, int firstUnplannedPhase) {
    this.template = template;
    this.order = order;
    this.byId = byId;
    this.phases = phases;
    this.firstUnplannedPhase = firstUnplannedPhase;
  }

  int phaseIndex(String phaseId) {
    for (int i = 0; i < template.phases().size(); i++) {
      if (template.phases().get(i).id().equals(phaseId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads a template.
   *
   * @throws PlanningException when no plan can exist whatever the calendar: an every shorter than
   *     a day, a timing window without a whole day, offsets beyond 100 years, or an anchor into a
   *     later phase that the course order cannot place
   */
  static Course of(ProtocolTemplate template) {
    Problems problems = new Problems();
    List<List<Tmpl>> phases = new ArrayList<>();
    Map<String, Tmpl> byId = new LinkedHashMap<>();
    List<Tmpl> all = new ArrayList<>();
    int firstUnplanned = template.phases().size();
    for (int p = 0; p < template.phases().size(); p++) {
      Phase phase = template.phases().get(p);
      List<Tmpl> list = new ArrayList<>();
      for (int s = 0; s < phase.sessions().size(); s++) {
        String path = "phases[" + p + "].sessions[" + s + "]";
        Tmpl t = new Tmpl(p, s, phase, phase.sessions().get(s), path);
        read(t, problems);
        list.add(t);
        all.add(t);
        byId.put(t.id(), t);
        if (t.pattern.isOpenEnded() && firstUnplanned > p + 1) {
          firstUnplanned = p + 1;
        }
      }
      phases.add(list);
    }
    if (!problems.isEmpty()) {
      throw new PlanningException(problems.toList());
    }
    for (Tmpl t : all) {
      t.session.timing().flatMap(Timing::anchor).ifPresent(a -> t.anchor = byId.get(a.session()));
    }
    List<Tmpl> order = courseOrder(all, phases);
    return new Course(template, order, byId, phases, firstUnplanned);
  }

  private static void read(Tmpl t, Problems problems) {
    t.session.repeat().flatMap(r -> r.every()).ifPresent(every -> {
      if (every.getSeconds() < Days.SECONDS_PER_DAY) {
        problems.add(Paths.join(t.path, "repeat.every"), "every " + Days.duration(every)
            + " is shorter than a day; a plan places sessions on dates, at most one a day");
      } else if (every.compareTo(MAX_SPAN) > 0) {
        problems.add(Paths.join(t.path, "repeat.every"), "every " + Days.duration(every)
            + " is longer than the 100 years a plan can span");
      }
    });
    if (t.pattern.finiteCount > MAX_SESSIONS) {
      problems.add(Paths.join(t.path, t.pattern.isRepeat() ? "repeat" : "count"),
          t.pattern.finiteCount + " sessions are more than the " + MAX_SESSIONS + " a plan can hold");
    }
    Timing timing = t.session.timing().orElse(null);
    String timingPath = Paths.join(t.path, "timing");
    if (timing != null) {
      for (Duration d : new Duration[] {
          timing.target(), timing.earliest().orElse(Duration.ZERO), timing.latest().orElse(Duration.ZERO)}) {
        if (d.abs().compareTo(MAX_SPAN) > 0) {
          problems.add(timingPath, "offset " + Days.duration(d) + " is beyond the 100 years a plan can span");
          return;
        }
      }
      for (int i = 0; i < timing.intervals().size(); i++) {
        t.rules.add(new Rule(timing.intervals().get(i), Paths.index(Paths.join(timingPath, "intervals"), i)));
      }
    }
    long target = timing == null ? 0 : Days.round(timing.target());
    Long lo = timing == null ? null : timing.earliest().map(Days::ceil).orElse(null);
    Long hi = timing == null ? null : timing.latest().map(Days::floor).orElse(null);
    if (lo != null && hi != null && lo > hi) {
      problems.add(timingPath, "the window from earliest " + Days.duration(timing.earliest().get())
          + " to latest " + Days.duration(timing.latest().get()) + " holds no whole day");
      return;
    }
    if (lo != null && target < lo) {
      target = lo;
    }
    if (hi != null && target > hi) {
      target = hi;
    }
    t.targetDays = target;
    long[] pattern = t.pattern.isRepeat() ? t.pattern.window(0) : new long[] {0, DEFAULT_DELAY_DAYS};
    t.firstLo = lo != null ? lo - target : pattern[0];
    t.firstHi = hi != null ? hi - target : pattern[1];
    if (lo != null || hi != null) {
      t.firstWindowPath = timingPath;
    } else if (t.pattern.isRepeat()) {
      t.firstWindowPath = Paths.join(t.path, "repeat");
    } else if (t.session.timing().flatMap(Timing::anchor).isPresent()) {
      t.firstWindowPath = Paths.join(timingPath, "anchor");
    } else {
      t.firstWindowPath = t.path;
    }
  }

  /**
   * Anchors before what is anchored to them, every session of a phase before the unanchored
   * sessions of the next phase (whose start it decides), otherwise phase then template order.
   */
  private static List<Tmpl> courseOrder(List<Tmpl> all, List<List<Tmpl>> phases) {
    Map<Tmpl, List<Tmpl>> successors = new HashMap<>();
    Map<Tmpl, Integer> incoming = new HashMap<>();
    for (Tmpl t : all) {
      successors.put(t, new ArrayList<>());
      incoming.put(t, 0);
    }
    for (Tmpl t : all) {
      List<Tmpl> preds = new ArrayList<>();
      if (t.anchor != null) {
        preds.add(t.anchor);
      } else if (t.phaseIndex > 0) {
        preds.addAll(phases.get(t.phaseIndex - 1));
      }
      for (Tmpl pred : preds) {
        successors.get(pred).add(t);
        incoming.merge(t, 1, Integer::sum);
      }
    }
    PriorityQueue<Tmpl> ready = new PriorityQueue<>(
        (a, b) -> a.phaseIndex != b.phaseIndex ? Integer.compare(a.phaseIndex, b.phaseIndex)
            : Integer.compare(a.sessionIndex, b.sessionIndex));
    for (Tmpl t : all) {
      if (incoming.get(t) == 0) {
        ready.add(t);
      }
    }
    List<Tmpl> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      Tmpl t = ready.poll();
      t.rank = order.size();
      order.add(t);
      for (Tmpl next : successors.get(t)) {
        if (incoming.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (order.size() < all.size()) {
      List<Problem> problems = new ArrayList<>();
      for (Tmpl t : all) {
        if (!order.contains(t) && t.anchor != null && t.anchor.phaseIndex > t.phaseIndex) {
          problems.add(Problem.at(Paths.join(t.path, "timing.anchor.session"),
              "session " + t.id() + " of phase " + t.phase.id() + " is anchored to session "
                  + t.anchor.id() + " of the later phase " + t.anchor.phase.id()
                  + ", which starts only after phase " + t.phase.id() + " ends"));
        }
      }
      if (problems.isEmpty()) {
        for (Tmpl t : all) {
          if (!order.contains(t) && t.anchor != null) {
            problems.add(Problem.at(Paths.join(t.path, "timing.anchor.session"),
                "session " + t.id() + " is anchored to session " + t.anchor.id()
                    + ", which can only be planned after the phase of " + t.id() + " ends"));
            break;
          }
        }
      }
      throw new PlanningException(problems);
    }
    return order;
  }
}
