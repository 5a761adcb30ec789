package org.kapsdk.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.model.MissedSessionPolicy;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/** One re-planning run; see the package documentation for the rules. */
final class Replanner {
  private final ProtocolTemplate template;
  private final CoursePlan current;
  private final ReplanInput input;
  private final LocalDate asOf;
  private final Map<String, PlannedItem> currentById = new LinkedHashMap<>();
  private final Map<Course.Tmpl, List<PlannedItem>> currentSessions = new HashMap<>();
  private @Nullable Course course;
  private @Nullable String stepBackReason;

  /** How one occurrence of the new plan is made. */
  private sealed interface Recipe permits Pinned, Free, Stepped {}

  private record Pinned(Course.Tmpl t, PlannedItem item, ItemStatus status, LocalDate date) implements Recipe {}

  private record Free(Course.Tmpl t, PlannedItem item) implements Recipe {}

  private record Stepped(Course.Tmpl t, int occurrence, LocalDate target, LocalDate lo, LocalDate hi)
      implements Recipe {}

  /** A session known to be held: newly reported, or already in the plan. */
  private record Held(PlannedItem item, Course.Tmpl t, long delay) {}

  Replanner(ProtocolTemplate template, CoursePlan current, ReplanInput input) {
    this.template = template;
    this.current = current;
    this.input = input;
    this.asOf = input.asOf();
  }

  Replan run() {
    validateTemplate();
    Course c = Course.of(template);
    course = c;
    readCurrent(c);
    validateInput();
    List<Recipe> recipes = recipes(c);
    Search search = new Search(c, current.calendar(), new Source(recipes), true);
    List<Search.Level> levels = search.run();
    List<PlannedItem> sessions = new ArrayList<>();
    Map<String, Search.Level> levelById = new HashMap<>();
    for (Search.Level l : levels) {
      levelById.put(l.slot.id(), l);
      sessions.add(l.slot.pinned ? pinnedItem(l) : Items.session(search, l));
    }
    CoursePlan plan = CoursePlan.builder()
        .templateId(current.templateId())
        .templateVersion(current.templateVersion())
        .start(current.start())
        .horizonEnd(current.horizonEnd())
        .calendar(current.calendar())
        .items(Items.withFollowers(c, current.calendar(), sessions))
        .build();
    return Replan.builder().plan(plan).changes(changes(plan, levelById)).build();
  }

  /* ------------------------------------------------------------------ input */

  private void validateTemplate() {
    if (!template.id().equals(current.templateId()) || !template.version().equals(current.templateVersion())) {
      throw new ValidationException(List.of(Problem.at("templateId", "the plan was made from template "
          + current.templateId() + " " + current.templateVersion() + ", not " + template.id() + " "
          + template.version())));
    }
  }

  private void readCurrent(Course c) {
    Problems problems = new Problems();
    for (int i = 0; i < current.items().size(); i++) {
      PlannedItem item = current.items().get(i);
      currentById.put(item.id(), item);
      if (item.kind() != ItemKind.SESSION) {
        continue;
      }
      Course.Tmpl t = c.byId.get(item.sessionTemplateId());
      if (t == null || !t.phase.id().equals(item.phaseId())) {
        problems.add(Paths.index("items", i), "session template " + item.sessionTemplateId() + " of phase "
            + item.phaseId() + " is not in template " + template.id() + " " + template.version());
        continue;
      }
      currentSessions.computeIfAbsent(t, k -> new ArrayList<>()).add(item);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems.toList());
    }
    for (List<PlannedItem> list : currentSessions.values()) {
      list.sort(Comparator.comparingInt(PlannedItem::occurrence));
    }
  }

  private void validateInput() {
    Problems problems = new Problems();
    for (String id : new TreeSet<>(input.held().keySet())) {
      String path = Paths.join("held", id);
      LocalDate date = input.held().get(id);
      PlannedItem item = session(problems, path, id);
      if (item == null) {
        continue;
      }
      if (item.status() == ItemStatus.MISSED) {
        problems.add(path, "was already recorded as missed");
      } else if (item.status() == ItemStatus.HELD && !item.target().equals(date)) {
        problems.add(path, "was already recorded as held on " + item.target());
      }
      if (date.isAfter(asOf)) {
        problems.add(path, "held on " + date + ", after asOf " + asOf);
      }
    }
    for (String id : new TreeSet<>(input.missed())) {
      String path = Paths.join("missed", id);
      PlannedItem item = session(problems, path, id);
      if (item != null && item.status() == ItemStatus.HELD) {
        problems.add(path, "was already recorded as held on " + item.target());
      }
    }
    input.stepBackPhase().ifPresent(id -> {
      Optional<Phase> phase = template.phases().stream().filter(p -> p.id().equals(id)).findFirst();
      if (phase.isEmpty()) {
        problems.add("stepBackPhase", "refers to phase '" + id + "', which the template does not define");
      } else if (phase.get().stepBack().isEmpty()) {
        problems.add("stepBackPhase", "phase " + id + " has no stepBack to follow");
      }
    });
    if (!problems.isEmpty()) {
      throw new ValidationException(problems.toList());
    }
  }

  private @Nullable PlannedItem session(Problems problems, String path, String id) {
    PlannedItem item = currentById.get(id);
    if (item == null) {
      problems.add(path, "is not an item of the plan");
      return null;
    }
    if (item.kind() != ItemKind.SESSION) {
      problems.add(path, "is not a session item but " + item.kind());
      return null;
    }
    return item;
  }

  /** Still to be planned: planned, not reported now, and not before asOf. */
  private boolean remaining(PlannedItem item) {
    return item.status() == ItemStatus.PLANNED
        && !input.held().containsKey(item.id())
        && !input.missed().contains(item.id())
        && !item.target().isBefore(asOf);
  }

  /* ------------------------------------------------------------------ recipes */

  private List<Recipe> recipes(Course c) {
    Map<Course.Tmpl, List<Stepped>> stepped = stepBack(c);
    // What happened is placed first, so that every session still to plan is checked against it.
    List<Recipe> recipes = new ArrayList<>();
    List<Recipe> rest = new ArrayList<>();
    for (Course.Tmpl t : c.order) {
      List<Stepped> replacement = stepped.get(t);
      for (PlannedItem item : currentSessions.getOrDefault(t, List.of())) {
        if (input.held().containsKey(item.id())) {
          recipes.add(new Pinned(t, item, ItemStatus.HELD, input.held().get(item.id())));
        } else if (input.missed().contains(item.id())) {
          recipes.add(new Pinned(t, item, ItemStatus.MISSED, item.target()));
        } else if (!remaining(item)) {
          recipes.add(new Pinned(t, item, item.status(), item.target()));
        } else if (replacement == null) {
          rest.add(new Free(t, item));
        }
      }
      if (replacement != null) {
        rest.addAll(replacement);
      }
    }
    recipes.addAll(rest);
    return recipes;
  }

  /** The re-spaced sessions of a step back, per template of the phase; empty without one. */
  private Map<Course.Tmpl, List<Stepped>> stepBack(Course c) {
    Map<Course.Tmpl, List<Stepped>> result = new HashMap<>();
    if (input.stepBackPhase().isEmpty()) {
      return result;
    }
    int p = c.phaseIndex(input.stepBackPhase().get());
    Phase phase = template.phases().get(p);
    StepBack back = phase.stepBack().orElseThrow();
    int q = c.phaseIndex(back.toPhase());
    for (Course.Tmpl t : c.phases.get(p)) {
      if (!t.pattern.isRepeat()) {
        continue;
      }
      List<PlannedItem> all = currentSessions.getOrDefault(t, List.of());
      List<PlannedItem> rest = all.stream().filter(this::remaining).toList();
      if (rest.isEmpty()) {
        continue;
      }
      Course.Tmpl source = rhythmOf(c.phases.get(q), t);
      if (source == null) {
        throw new PlanningException(List.of(Problem.at("phases[" + p + "].stepBack.toPhase",
            "phase " + back.toPhase() + " has no repeat pattern for phase " + phase.id() + " to step back to")));
      }
      Pattern rhythm = source.pattern.openEnded();
      LocalDate end = t.pattern.isOpenEnded() ? current.horizonEnd() : rest.get(rest.size() - 1).target().plusDays(1);
      int first = rest.get(0).occurrence();
      for (PlannedItem item : all) {
        if (!remaining(item)) {
          first = Math.max(first, item.occurrence() + 1);
        }
      }
      List<Stepped> list = new ArrayList<>();
      for (int k = 0; k < Course.MAX_SESSIONS; k++) {
        LocalDate target = rhythm.target(asOf, k);
        if (!target.isBefore(end)) {
          break;
        }
        long[] w = rhythm.window(k);
        list.add(new Stepped(t, first + k, target, target.plusDays(w[0]), target.plusDays(w[1])));
      }
      result.put(t, list);
      stepBackReason = "step back: the rest of phase " + phase.id() + " follows the schedule of phase "
          + back.toPhase() + " (" + rhythm.describe() + ") from " + asOf;
    }
    if (result.isEmpty()) {
      throw new ValidationException(List.of(Problem.at("stepBackPhase", "phase " + phase.id()
          + " has no repeat sessions planned on or after " + asOf + " to step back")));
    }
    return result;
  }

  private static Course.@Nullable Tmpl rhythmOf(List<Course.Tmpl> phase, Course.Tmpl like) {
    for (Course.Tmpl t : phase) {
      if (t.pattern.isRepeat() && t.kind() == like.kind()) {
        return t;
      }
    }
    for (Course.Tmpl t : phase) {
      if (t.pattern.isRepeat()) {
        return t;
      }
    }
    return null;
  }

  /* ------------------------------------------------------------------ slots */

  private final class Source implements Search.Source {
    private final List<Recipe> recipes;

    Source(List<Recipe> recipes) {
      this.recipes = recipes;
    }

    @Override
    public @Nullable Slot next(Search search) {
      if (search.depth() >= recipes.size()) {
        return null;
      }
      Recipe r = recipes.get(search.depth());
      if (r instanceof Pinned p) {
        return Slot.pinned(p.t(), p.item(), p.status(), p.date());
      }
      if (r instanceof Stepped s) {
        return ordered(search, new Slot(s.t(), s.occurrence(), s.target(), s.lo(), s.hi(), s.target(),
            s.target(), s.t().windowPath(1), null, ItemStatus.PLANNED, false, null, 0, stepBackReason));
      }
      return free(search, (Free) r);
    }
  }

  /** Raises a slot's window start above the previous occurrence of its template. */
  private Slot ordered(Search search, Slot s) {
    List<Search.Level> same = search.levelsOf(s.t);
    if (same.isEmpty()) {
      return s;
    }
    LocalDate prev = same.get(same.size() - 1).date();
    if (s.lo.isAfter(prev)) {
      return s;
    }
    return new Slot(s.t, s.occurrence, s.target, prev.plusDays(1), s.hi, s.nominal, s.patternStart, s.windowPath,
        "it must follow " + s.t.id() + " #" + same.get(same.size() - 1).slot.occurrence + " on " + prev,
        s.status, s.pinned, s.previous, s.shift, s.shiftReason);
  }

  private Slot free(Search search, Free r) {
    Course.Tmpl t = r.t();
    PlannedItem item = r.item();
    LocalDate nominal = item.nominal().orElse(item.target());
    long chain = 0;
    String why = null;
    if (t.policy() == MissedSessionPolicy.SHIFT_REMAINING) {
      Held y = latestHeldBefore(t, item);
      if (y != null && y.delay() > 0) {
        chain = y.delay();
        why = "SHIFT_REMAINING: " + y.item().id() + " was held " + Days.days(chain) + " late, so the rest of phase "
            + t.phase.id() + " moves " + Days.days(chain) + " later";
      }
    }
    long shift = chain;
    if (t.anchor != null) {
      List<Search.Level> anchor = search.levelsOf(t.anchor);
      List<PlannedItem> before = currentSessions.getOrDefault(t.anchor, List.of());
      long moved = anchor.isEmpty() || before.isEmpty() ? 0
          : Days.between(before.get(before.size() - 1).target(), anchor.get(anchor.size() - 1).date());
      if (chain == 0 || moved > chain) {
        shift = moved;
        why = moved == 0 ? null : "follows its anchor " + anchor.get(anchor.size() - 1).slot.id() + ", which moved "
            + (moved > 0 ? Days.days(moved) + " later" : Days.days(-moved) + " earlier");
      }
    } else if (t.phaseIndex > 0) {
      long phase = phaseShift(search, t.phaseIndex);
      if (phase > chain) {
        shift = phase;
        why = "phase " + t.phase.id() + " starts " + Days.days(phase) + " later because phase "
            + template.phases().get(t.phaseIndex - 1).id() + " now ends " + Days.days(phase) + " later";
      }
    }
    LocalDate base = nominal.plusDays(shift);
    LocalDate preferred = shift == 0 ? item.target() : base;
    long[] w = t.window(item.occurrence() - 1);
    LocalDate lo = base.plusDays(w[0]);
    String note = null;
    if (lo.isBefore(asOf)) {
      lo = asOf;
      note = "nothing is re-planned before " + asOf;
    }
    return ordered(search, new Slot(t, item.occurrence(), preferred, lo, base.plusDays(w[1]), base, base,
        t.windowPath(item.occurrence() - 1), note, ItemStatus.PLANNED, false, item, shift, why));
  }

  /** The latest held session of the phase before the item, in the current plan's order. */
  private @Nullable Held latestHeldBefore(Course.Tmpl of, PlannedItem item) {
    Held best = null;
    Comparator<PlannedItem> order = Comparator.comparing(PlannedItem::target)
        .thenComparingInt(i -> course().byId.get(i.sessionTemplateId()).rank)
        .thenComparingInt(PlannedItem::occurrence);
    for (Course.Tmpl t : course().phases.get(of.phaseIndex)) {
      for (PlannedItem h : currentSessions.getOrDefault(t, List.of())) {
        LocalDate actual = input.held().get(h.id());
        boolean held = actual != null || h.status() == ItemStatus.HELD;
        if (!held || order.compare(h, item) >= 0) {
          continue;
        }
        if (best == null || order.compare(h, best.item()) > 0) {
          best = new Held(h, t, actual == null ? 0 : Days.between(h.target(), actual));
        }
      }
    }
    return best;
  }

  /** How much later the previous phase now ends than in the current plan: 0 or more days. */
  private long phaseShift(Search search, int phase) {
    LocalDate before = null;
    LocalDate after = null;
    for (Course.Tmpl t : course().phases.get(phase - 1)) {
      for (PlannedItem i : currentSessions.getOrDefault(t, List.of())) {
        before = before == null ? i.target() : Days.max(before, i.target());
      }
      for (Search.Level l : search.levelsOf(t)) {
        after = after == null ? l.slot.target : Days.max(after, l.slot.target);
      }
    }
    if (before == null || after == null) {
      return 0;
    }
    return Math.max(0, Days.between(before, after));
  }

  private Course course() {
    if (course == null) {
      throw new IllegalStateException("not started");
    }
    return course;
  }

  /* ------------------------------------------------------------------ items and changes */

  private PlannedItem pinnedItem(Search.Level l) {
    PlannedItem item = l.slot.previous;
    if (item == null) {
      throw new IllegalStateException("pinned without an item");
    }
    if (l.slot.status == ItemStatus.HELD && item.status() != ItemStatus.HELD) {
      LocalDate actual = l.date();
      return PlannedItem.builder().from(item)
          .status(ItemStatus.HELD)
          .target(actual)
          .nominal(actual.equals(item.target()) ? Optional.empty() : Optional.of(item.target()))
          .build();
    }
    if (l.slot.status == ItemStatus.MISSED && item.status() != ItemStatus.MISSED) {
      return PlannedItem.builder().from(item).status(ItemStatus.MISSED).build();
    }
    return item;
  }

  private List<PlanChange> changes(CoursePlan plan, Map<String, Search.Level> levels) {
    List<PlanChange> changes = new ArrayList<>();
    Map<String, PlannedItem> after = new LinkedHashMap<>();
    for (PlannedItem i : plan.items()) {
      after.put(i.id(), i);
    }
    for (PlannedItem n : plan.items()) {
      PlannedItem o = currentById.get(n.id());
      Search.Level level = levels.get(n.id());
      if (o == null) {
        String reason = n.kind() == ItemKind.SESSION
            ? (stepBackReason == null ? "added" : "added by the " + stepBackReason)
            : "added with its session " + n.sessionItemId().orElseThrow();
        changes.add(change(n.id(), ChangeKind.ADDED, null, n.target(), reason));
      } else if (n.kind() == ItemKind.SESSION && level != null) {
        sessionChange(changes, o, n, level);
      } else if (!o.target().equals(n.target()) || !o.latest().equals(n.latest())) {
        PlannedItem s = after.get(n.sessionItemId().orElseThrow());
        String reason = "follows its session " + s.id() + ", " + (s.status() == ItemStatus.HELD ? "held" : "now")
            + " on " + s.target()
            + (n.kind() == ItemKind.INTEGRATION_STEP && !o.latest().equals(n.latest()) ? "; due by " + n.latest() : "");
        changes.add(change(n.id(), ChangeKind.MOVED, o.target(), n.target(), reason));
      }
      if (level != null) {
        for (Search.Unmet u : level.unmet) {
          LocalDate limit = u.from().date().plusDays(u.rule().maxDays);
          changes.add(change(n.id(), ChangeKind.INTERVAL_UNMET, n.target(), n.target(),
              u.rule().maxText() + " can no longer be kept: the latest " + u.rule().after + " before it, "
                  + u.from().on() + ", allowed " + limit + " at the latest, before the first day it can be planned, "
                  + level.slot.lo));
        }
      }
    }
    for (PlannedItem o : current.items()) {
      if (after.containsKey(o.id())) {
        continue;
      }
      String reason;
      if (o.kind() == ItemKind.SESSION) {
        reason = stepBackReason == null ? "dropped" : "dropped by the " + stepBackReason;
      } else {
        PlannedItem s = after.get(o.sessionItemId().orElseThrow());
        reason = s != null && s.status() == ItemStatus.MISSED
            ? "its session " + s.id() + " was missed"
            : "its session " + o.sessionItemId().orElseThrow() + " was dropped";
      }
      changes.add(change(o.id(), ChangeKind.DROPPED, o.target(), null, reason));
    }
    changes.sort(Comparator.comparing((PlanChange ch) -> ch.to().or(ch::from).orElseThrow())
        .thenComparing(PlanChange::itemId)
        .thenComparing(PlanChange::kind));
    return changes;
  }

  private void sessionChange(List<PlanChange> changes, PlannedItem o, PlannedItem n, Search.Level level) {
    String phase = n.phaseId();
    MissedSessionPolicy policy = level.slot.t.policy();
    if (o.status() == ItemStatus.PLANNED && n.status() == ItemStatus.HELD) {
      long late = Days.between(o.target(), n.target());
      String reason = late == 0 ? "held as planned"
          : late > 0 ? "held " + Days.days(late) + " after its planned date"
          : "held " + Days.days(-late) + " before its planned date";
      if (late > 0) {
        reason += policy == MissedSessionPolicy.SHIFT_REMAINING
            ? "; SHIFT_REMAINING: the rest of phase " + phase + " moves " + Days.days(late) + " later"
            : "; KEEP_SCHEDULE: the rest of phase " + phase + " keeps its dates";
      }
      changes.add(change(n.id(), ChangeKind.HELD, o.target(), n.target(), reason));
    } else if (o.status() == ItemStatus.PLANNED && n.status() == ItemStatus.MISSED) {
      String reason = "missed; not made up: " + (policy == MissedSessionPolicy.SHIFT_REMAINING
          ? "a miss delays nothing, so the rest of phase " + phase + " keeps its dates"
          : "KEEP_SCHEDULE: the rest of phase " + phase + " keeps its dates");
      changes.add(change(n.id(), ChangeKind.MISSED, o.target(), n.target(), reason));
    } else if (!o.target().equals(n.target())) {
      Slot s = level.slot;
      String cause = s.shiftReason;
      String adjust = null;
      if (!s.target.equals(n.target())) {
        adjust = (level.preferredRefused != null ? level.preferredRefused : s.target + " is outside its window")
            + ", so it goes to the nearest allowed open day";
      }
      String reason = cause == null ? (adjust == null ? "moved" : adjust)
          : adjust == null ? cause : cause + "; " + adjust;
      changes.add(change(n.id(), ChangeKind.MOVED, o.target(), n.target(), reason));
    }
  }

  private static PlanChange change(String id, ChangeKind kind, @Nullable LocalDate from, @Nullable LocalDate to,
      String reason) {
    return PlanChange.builder()
        .itemId(id)
        .kind(kind)
        .from(Optional.ofNullable(from))
        .to(Optional.ofNullable(to))
        .reason(reason)
        .build();
  }
}
