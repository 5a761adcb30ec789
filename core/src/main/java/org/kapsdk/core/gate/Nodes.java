package org.kapsdk.core.gate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Comparator;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.ConditionPresent;
import org.kapsdk.core.model.Dimension;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.ExtensionCondition;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.MedicationPresent;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Pregnancy;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.ScoreMeasure;
import org.kapsdk.core.model.SessionInterval;
import org.kapsdk.core.model.TimeAnchor;
import org.kapsdk.core.model.TrendDirection;
import org.kapsdk.core.model.Unit;

/**
 * Compiled conditions. Each node is built once per template and is immutable; evaluation reads
 * only the context and writes only the trace, so one compiled gate serves any number of threads.
 *
 * <p>The one rule every node keeps: when a fact the condition needs is absent, older than
 * allowed, later than the evaluation instant, or in a unit that cannot be converted safely, the
 * node returns UNKNOWN and names the fact in the trace. No node ever turns missing data into
 * TRUE or FALSE.
 */
final class Nodes {
  private Nodes() {}

  /** A compiled condition. */
  abstract static class Node {
    /** Evaluates against the context, recording facts used and missing in the trace. */
    abstract Truth eval(EvalContext ctx, Trace trace);

    /** The condition in words, for findings. */
    abstract String describe();

    /** The threshold alone (a value such as {@code 140 mmHg}), for the {threshold} placeholder. */
    String thresholdValue() {
      return describe();
    }
  }

  static Node compile(Condition c) {
    if (c instanceof ObservationThreshold o) {
      return new ObservationNode(o);
    }
    if (c instanceof ObservationTrend o) {
      return new TrendNode(o);
    }
    if (c instanceof ConditionPresent o) {
      return new CodeSetNode(o.label(), o.codes(), false);
    }
    if (c instanceof MedicationPresent o) {
      return new CodeSetNode(o.label(), o.codes(), true);
    }
    if (c instanceof PatientAge o) {
      return new AgeNode(o);
    }
    if (c instanceof Pregnancy o) {
      return new PregnancyNode(o);
    }
    if (c instanceof AssessmentThreshold o) {
      return new AssessmentNode(o);
    }
    if (c instanceof SessionInterval o) {
      return new IntervalNode(o);
    }
    if (c instanceof DoseLimit o) {
      return new DoseLimitNode(o);
    }
    if (c instanceof MonitoringElapsed o) {
      return new MonitoringNode(o);
    }
    if (c instanceof AttestationPresent o) {
      return new AttestationNode(o);
    }
    if (c instanceof AllOf o) {
      return new AllNode(o.conditions().stream().map(Nodes::compile).toList());
    }
    if (c instanceof AnyOf o) {
      return new AnyNode(o.conditions().stream().map(Nodes::compile).toList());
    }
    if (c instanceof Not o) {
      return new NotNode(compile(o.condition()));
    }
    if (c instanceof ExtensionCondition o) {
      return new ExtensionNode(o);
    }
    throw new AssertionError("condition kind without an evaluator: " + c.getClass().getSimpleName());
  }

  /** The symbols of a dimension's units, for messages: {@code kg or lb}. */
  static String unitsOf(Dimension d) {
    return java.util.Arrays.stream(Unit.values()).filter(u -> u.dimension() == d).map(Unit::symbol)
        .collect(Collectors.joining(" or "));
  }

  static String fmt(Duration d) {
    return DurationText.format(d);
  }

  /** An age, formatted only when a finding is read. */
  record Years(int years) {
    @Override
    public String toString() {
      return years + " years";
    }
  }

  /* ------------------------------------------------------------------ observations */

  /** The latest reading of a code at or before the evaluation instant, or null. */
  static Observation latest(EvalContext ctx, Code code) {
    Observation best = null;
    for (Observation o : ctx.facts().observations()) {
      if (o.code().sameConcept(code) && !o.at().isAfter(ctx.at())
          && (best == null || o.at().isAfter(best.at()))) {
        best = o;
      }
    }
    return best;
  }

  static final class ObservationNode extends Node {
    private final ObservationThreshold c;
    private final String name;

    ObservationNode(ObservationThreshold c) {
      this.c = c;
      this.name = Codes.nameOf(c.code());
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      Observation o = latest(ctx, c.code());
      if (o == null) {
        trace.missing(name + " reading");
        return Truth.UNKNOWN;
      }
      Duration age = Duration.between(o.at(), ctx.at());
      if (age.compareTo(c.maxAge()) > 0) {
        trace.missing(name + " reading no older than " + fmt(c.maxAge()) + " (latest is " + fmt(age) + " old)");
        return Truth.UNKNOWN;
      }
      if (!o.value().isCompatibleWith(c.value().unit())) {
        trace.missing(name + " reading in " + c.value().unit().symbol() + " (recorded in " + o.value().unit().symbol() + ")");
        return Truth.UNKNOWN;
      }
      trace.use(name, o.value(), o.at());
      BigDecimal value = o.value().to(c.value().unit()).value();
      return Truth.of(c.comparator().test(value, c.value().value()));
    }

    @Override
    String describe() {
      return name + " " + c.comparator().symbol() + " " + c.value() + " (reading within " + fmt(c.maxAge()) + ")";
    }

    @Override
    String thresholdValue() {
      return c.value().toString();
    }
  }

  static final class TrendNode extends Node {
    private final ObservationTrend c;
    private final String name;

    TrendNode(ObservationTrend c) {
      this.c = c;
      this.name = Codes.nameOf(c.code());
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      Instant from = ctx.at().minus(c.within());
      List<Observation> readings = ctx.facts().observations().stream()
          .filter(o -> o.code().sameConcept(c.code()) && !o.at().isAfter(ctx.at()) && !o.at().isBefore(from))
          .sorted(java.util.Comparator.comparing(Observation::at))
          .toList();
      if (readings.size() < c.readings()) {
        trace.missing(c.readings() + " " + name + " readings within " + fmt(c.within()) + " (found " + readings.size() + ")");
        return Truth.UNKNOWN;
      }
      List<Observation> last = readings.subList(readings.size() - c.readings(), readings.size());
      Unit unit = c.tolerance().map(Quantity::unit).orElse(last.get(0).value().unit());
      // Without a tolerance the first reading sets the unit; for a code whose dimension is known
      // (BP in mmHg) a reading of another dimension must still never be compared.
      Dimension expected = Codes.dimensionOf(c.code()).orElse(unit.dimension());
      for (Observation o : last) {
        if (!o.value().isCompatibleWith(unit) || o.value().unit().dimension() != expected) {
          String wanted = unit.dimension() == expected ? unit.symbol() : unitsOf(expected);
          trace.missing(name + " readings in " + wanted + " (one recorded in " + o.value().unit().symbol() + ")");
          return Truth.UNKNOWN;
        }
      }
      BigDecimal tolerance = c.tolerance().map(Quantity::value).orElse(BigDecimal.ZERO);
      boolean holds = true;
      for (int i = 1; i < last.size(); i++) {
        BigDecimal step = last.get(i).value().to(unit).value().subtract(last.get(i - 1).value().to(unit).value());
        holds &= stepFits(step, tolerance);
      }
      for (Observation o : last) {
        trace.use(name, o.value(), o.at());
      }
      return Truth.of(holds);
    }

    private boolean stepFits(BigDecimal step, BigDecimal tolerance) {
      TrendDirection d = c.direction();
      switch (d) {
        case FALLING:
          return step.signum() < 0;
        case RISING:
          return step.signum() > 0;
        case STABLE:
          return step.abs().compareTo(tolerance) <= 0;
        case FALLING_OR_STABLE:
          return step.compareTo(tolerance) <= 0;
        default:
          throw new AssertionError(d);
      }
    }

    @Override
    String describe() {
      return name + " " + c.direction().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + " over the last " + c.readings() + " readings within " + fmt(c.within())
          + c.tolerance().map(t -> " (tolerance " + t + ")").orElse("");
    }
  }

  /* ------------------------------------------------------------------ code sets, patient */

  static final class CodeSetNode extends Node {
    private final String label;
    private final List<Code> codes;
    private final boolean medications;

    CodeSetNode(String label, List<Code> codes, boolean medications) {
      this.label = label;
      this.codes = codes;
      this.medications = medications;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      List<Code> present;
      // A list reviewed after the evaluation instant was not known then, like a later reading.
      if (medications) {
        if (ctx.facts().medications().isEmpty()) {
          trace.missing("reconciled medication list");
          return Truth.UNKNOWN;
        }
        if (ctx.facts().medications().get().reconciledAt().isAfter(ctx.at())) {
          trace.missing("medication list reconciled by the evaluation instant (it was reconciled later)");
          return Truth.UNKNOWN;
        }
        present = ctx.facts().medications().get().codes();
      } else {
        if (ctx.facts().conditions().isEmpty()) {
          trace.missing("reviewed problem list");
          return Truth.UNKNOWN;
        }
        if (ctx.facts().conditions().get().reviewedAt().isAfter(ctx.at())) {
          trace.missing("problem list reviewed by the evaluation instant (it was reviewed later)");
          return Truth.UNKNOWN;
        }
        present = ctx.facts().conditions().get().codes();
      }
      for (Code p : present) {
        for (Code c : codes) {
          if (p.sameConcept(c)) {
            trace.use(label, p, null);
            return Truth.TRUE;
          }
        }
      }
      trace.use(label, "none recorded", null);
      return Truth.FALSE;
    }

    @Override
    String describe() {
      return (medications ? "taking " : "has ") + label;
    }
  }

  static final class AgeNode extends Node {
    private final PatientAge c;

    AgeNode(PatientAge c) {
      this.c = c;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      if (ctx.facts().ageYears().isEmpty()) {
        trace.missing("age");
        return Truth.UNKNOWN;
      }
      int age = ctx.facts().ageYears().get();
      trace.use("age", new Years(age), null);
      return Truth.of(c.comparator().test(BigDecimal.valueOf(age), BigDecimal.valueOf(c.years())));
    }

    @Override
    String describe() {
      return "age " + c.comparator().symbol() + " " + c.years() + " years";
    }

    @Override
    String thresholdValue() {
      return c.years() + " years";
    }
  }

  static final class PregnancyNode extends Node {
    private final Pregnancy c;

    PregnancyNode(Pregnancy c) {
      this.c = c;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      if (ctx.facts().pregnancy().isEmpty()) {
        trace.missing("pregnancy status");
        return Truth.UNKNOWN;
      }
      var status = ctx.facts().pregnancy().get();
      trace.use("pregnancy status", status, null);
      switch (status) {
        case PREGNANT:
          return Truth.TRUE;
        case BREASTFEEDING:
          return Truth.of(c.includeBreastfeeding());
        case NEITHER:
          return Truth.FALSE;
        default:
          throw new AssertionError(status);
      }
    }

    @Override
    String describe() {
      return c.includeBreastfeeding() ? "pregnant or breastfeeding" : "pregnant";
    }
  }

  /* ------------------------------------------------------------------ assessments */

  static final class AssessmentNode extends Node {
    private final AssessmentThreshold c;
    private final String scoreName;

    AssessmentNode(AssessmentThreshold c) {
      this.c = c;
      String instrument = c.instrument().displayName();
      this.scoreName = c.measure() == ScoreMeasure.TOTAL ? instrument + " total"
          : c.measure() == ScoreMeasure.ITEM ? instrument + " item " + c.item().orElseThrow()
          : instrument + " highest positive item";
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      AssessmentResult latest = null;
      for (AssessmentResult a : ctx.facts().assessments()) {
        if (a.instrument() == c.instrument() && !a.at().isAfter(ctx.at())
            && (latest == null || a.at().isAfter(latest.at()))) {
          latest = a;
        }
      }
      if (latest == null) {
        trace.missing(c.instrument().displayName() + " assessment");
        return Truth.UNKNOWN;
      }
      Duration age = Duration.between(latest.at(), ctx.at());
      if (age.compareTo(c.maxAge()) > 0) {
        trace.missing(c.instrument().displayName() + " assessment no older than " + fmt(c.maxAge())
            + " (latest is " + fmt(age) + " old)");
        return Truth.UNKNOWN;
      }
      Integer score = score(latest);
      if (score == null) {
        trace.missing(scoreName + " (the latest " + c.instrument().displayName() + " has no item scores)");
        return Truth.UNKNOWN;
      }
      trace.use(scoreName, score, latest.at());
      return Truth.of(c.comparator().test(BigDecimal.valueOf(score), BigDecimal.valueOf(c.value())));
    }

    private Integer score(AssessmentResult a) {
      switch (c.measure()) {
        case TOTAL:
          return a.effectiveTotal().orElse(null);
        case ITEM:
          return a.items().isEmpty() ? null : a.items().get(c.item().orElseThrow() - 1);
        case HIGHEST_POSITIVE_ITEM:
          if (a.items().isEmpty()) {
            return null;
          }
          int highest = 0;
          for (int i = 0; i < a.items().size(); i++) {
            if (a.items().get(i) > 0) {
              highest = i + 1;
            }
          }
          return highest;
        default:
          throw new AssertionError(c.measure());
      }
    }

    @Override
    String describe() {
      return scoreName + " " + c.comparator().symbol() + " " + c.value() + " (assessed within " + fmt(c.maxAge()) + ")";
    }

    @Override
    String thresholdValue() {
      return String.valueOf(c.value());
    }
  }

  /* ------------------------------------------------------------------ course history */

  static final class IntervalNode extends Node {
    private final SessionInterval c;

    private final String sinceLabel;
    private final String previousLabel;

    IntervalNode(SessionInterval c) {
      this.c = c;
      this.sinceLabel = "time since the previous " + what();
      this.previousLabel = "previous " + what();
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      SessionRecord current = ctx.currentSession();
      Instant reference = current != null ? current.start() : ctx.at();
      SessionRecord previous = null;
      for (SessionRecord s : ctx.facts().sessions()) {
        if (s == current || s.start().isAfter(reference) || !matches(ctx, s)) {
          continue;
        }
        if (previous == null || s.start().isAfter(previous.start())) {
          previous = s;
        }
      }
      if (previous == null) {
        trace.use(previousLabel, "none", null);
        return Truth.TRUE;
      }
      if (previous.end().isEmpty()) {
        trace.missing("end of the previous " + what());
        return Truth.UNKNOWN;
      }
      Duration elapsed = Duration.between(previous.end().get(), reference);
      trace.use(sinceLabel, elapsed, previous.end().get());
      trace.elapsed(elapsed);
      boolean ok = c.atLeast().map(min -> elapsed.compareTo(min) >= 0).orElse(true)
          && c.atMost().map(max -> elapsed.compareTo(max) <= 0).orElse(true);
      return Truth.of(ok);
    }

    private boolean matches(EvalContext ctx, SessionRecord s) {
      if (c.session().isPresent()) {
        return c.session().get().equals(s.template());
      }
      return ctx.kindOf(s) == c.sinceKind();
    }

    private String what() {
      return c.session().map(id -> "'" + id + "' session").orElse(c.sinceKind() + " session");
    }

    @Override
    String describe() {
      String bounds = c.atLeast().map(d -> "at least " + fmt(d)).orElse("")
          + (c.atLeast().isPresent() && c.atMost().isPresent() ? " and " : "")
          + c.atMost().map(d -> "at most " + fmt(d)).orElse("");
      return bounds + " since the previous " + what();
    }

    @Override
    String thresholdValue() {
      return c.atLeast().or(c::atMost).map(Nodes::fmt).orElse("");
    }
  }

  static final class DoseLimitNode extends Node {
    private final DoseLimit c;
    private final String periodText;

    DoseLimitNode(DoseLimit c) {
      this.c = c;
      this.periodText = c.period() == LimitPeriod.SESSION ? "this session"
          : c.period() == LimitPeriod.DAY ? "24 h" : c.period() == LimitPeriod.WEEK ? "7 d" : "the course";
      this.givenLabel = "already given in " + periodText;
    }

    private final String givenLabel;

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      BigDecimal maximumMg;
      if (c.maximum().unit() == Unit.MG_PER_KG) {
        Observation weight = latest(ctx, Codes.BODY_WEIGHT);
        Duration maxAge = c.weightMaxAge().orElse(Duration.ZERO);
        if (weight == null || Duration.between(weight.at(), ctx.at()).compareTo(maxAge) > 0) {
          trace.missing("body weight no older than " + fmt(maxAge));
          return Truth.UNKNOWN;
        }
        if (weight.value().unit().dimension() != Dimension.BODY_MASS) {
          trace.missing("body weight in kg or lb (recorded in " + weight.value().unit().symbol() + ")");
          return Truth.UNKNOWN;
        }
        trace.use("body weight", weight.value(), weight.at());
        maximumMg = c.maximum().value().multiply(weight.value().to(Unit.KG).value());
      } else {
        maximumMg = c.maximum().value();
      }

      BigDecimal total = BigDecimal.ZERO;
      Quantity planned = ctx.plannedDose();
      if (planned != null) {
        if (planned.unit() != Unit.MG) {
          trace.missing("planned dose in mg (given in " + planned.unit().symbol() + ")");
          return Truth.UNKNOWN;
        }
        if (!planned.isPositive()) {
          // A zero or negative plan would lower the total and let an exceeded limit pass.
          trace.missing("a positive planned dose (given " + planned + ")");
          return Truth.UNKNOWN;
        }
        trace.use("planned dose", planned, null);
        total = total.add(planned.value());
      } else if (ctx.plannedDoseRequired()) {
        trace.missing("planned dose");
        return Truth.UNKNOWN;
      }

      Code medication = c.medication().orElse(ctx.currentMedication());
      List<SessionRecord> sessions;
      if (c.period() == LimitPeriod.SESSION) {
        if (ctx.currentSession() == null) {
          trace.missing("current session");
          return Truth.UNKNOWN;
        }
        sessions = List.of(ctx.currentSession());
      } else {
        sessions = ctx.facts().sessions();
      }
      Instant from = c.period() == LimitPeriod.DAY ? ctx.at().minus(Duration.ofDays(1))
          : c.period() == LimitPeriod.WEEK ? ctx.at().minus(Duration.ofDays(7)) : Instant.MIN;
      BigDecimal given = BigDecimal.ZERO;
      for (SessionRecord s : sessions) {
        Code sessionMedication = ctx.medicationOf(s);
        for (Administration a : s.administrations()) {
          // A dose given exactly 24 h (or 7 d) ago still counts: the cautious edge of the window.
          if (a.at().isAfter(ctx.at()) || a.at().isBefore(from)) {
            continue;
          }
          Code given1 = a.medication().orElse(sessionMedication);
          // An administration of unknown medication counts: over-counting is the safe error.
          if (medication != null && given1 != null && !given1.sameConcept(medication)) {
            continue;
          }
          if (a.amount().unit() != Unit.MG) {
            trace.missing("administered amounts in mg (one recorded in " + a.amount().unit().symbol() + ")");
            return Truth.UNKNOWN;
          }
          given = given.add(a.amount().value());
        }
      }
      if (given.signum() > 0 || c.period() != LimitPeriod.SESSION) {
        trace.use(givenLabel, Quantity.of(given, Unit.MG), null);
      }
      total = total.add(given);
      trace.value(Quantity.of(total, Unit.MG));
      return Truth.of(total.compareTo(maximumMg) <= 0);
    }

    @Override
    String describe() {
      return "at most " + c.maximum() + " in " + periodText;
    }

    @Override
    String thresholdValue() {
      return c.maximum().toString();
    }
  }

  static final class MonitoringNode extends Node {
    private final MonitoringElapsed c;

    private final String sinceLabel;

    MonitoringNode(MonitoringElapsed c) {
      this.c = c;
      this.sinceLabel = "time since " + anchorName(c.from());
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      SessionRecord s = ctx.currentSession();
      if (s == null) {
        trace.missing("current session");
        return Truth.UNKNOWN;
      }
      Instant anchor = anchor(s, c.from());
      if (anchor == null) {
        trace.missing(anchorName(c.from()) + " of the current session");
        return Truth.UNKNOWN;
      }
      if (anchor.isAfter(ctx.at())) {
        trace.missing(anchorName(c.from()) + " before the evaluation instant");
        return Truth.UNKNOWN;
      }
      Duration elapsed = Duration.between(anchor, ctx.at());
      trace.use(sinceLabel, elapsed, anchor);
      trace.elapsed(elapsed);
      return Truth.of(elapsed.compareTo(c.atLeast()) >= 0);
    }

    static Instant anchor(SessionRecord s, TimeAnchor from) {
      switch (from) {
        case SESSION_START:
          return s.start();
        case SESSION_END:
          return s.end().orElse(null);
        case FIRST_ADMINISTRATION:
        case LAST_ADMINISTRATION:
          Instant found = null;
          for (Administration a : s.administrations()) {
            if (found == null || (from == TimeAnchor.FIRST_ADMINISTRATION ? a.at().isBefore(found) : a.at().isAfter(found))) {
              found = a.at();
            }
          }
          return found;
        default:
          throw new AssertionError(from);
      }
    }

    static String anchorName(TimeAnchor from) {
      return from.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    @Override
    String describe() {
      return "at least " + fmt(c.atLeast()) + " since " + anchorName(c.from());
    }

    @Override
    String thresholdValue() {
      return fmt(c.atLeast());
    }
  }

  static final class AttestationNode extends Node {
    private final AttestationPresent c;

    private final String recordedLabel;
    private final String sinceLabel;

    AttestationNode(AttestationPresent c) {
      this.c = c;
      this.recordedLabel = "attestation '" + c.attestation() + "'";
      this.sinceLabel = "time since '" + c.attestation() + "'";
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      Attestation latest = null;
      for (Attestation a : ctx.facts().attestations()) {
        if (a.key().equals(c.attestation()) && !a.recordedAt().isAfter(ctx.at())
            && (latest == null || a.recordedAt().isAfter(latest.recordedAt()))) {
          latest = a;
        }
      }
      if (latest == null) {
        trace.missing("attestation '" + c.attestation() + "'");
        return Truth.UNKNOWN;
      }
      if (c.maxAge().isPresent() && Duration.between(latest.recordedAt(), ctx.at()).compareTo(c.maxAge().get()) > 0) {
        trace.missing("attestation '" + c.attestation() + "' recorded within " + fmt(c.maxAge().get()));
        return Truth.UNKNOWN;
      }
      if (c.elapsedAtLeast().isEmpty()) {
        trace.use(recordedLabel, "recorded", latest.recordedAt());
        return Truth.TRUE;
      }
      if (latest.instant().isEmpty() || latest.instant().get().isAfter(ctx.at())) {
        trace.missing("the time stated by attestation '" + c.attestation() + "'");
        return Truth.UNKNOWN;
      }
      Duration elapsed = Duration.between(latest.instant().get(), ctx.at());
      trace.use(sinceLabel, elapsed, latest.instant().get());
      trace.elapsed(elapsed);
      return Truth.of(elapsed.compareTo(c.elapsedAtLeast().get()) >= 0);
    }

    @Override
    String describe() {
      return "'" + c.attestation() + "' recorded"
          + c.maxAge().map(d -> " within " + fmt(d)).orElse("")
          + c.elapsedAtLeast().map(d -> ", at least " + fmt(d) + " ago").orElse("");
    }

    @Override
    String thresholdValue() {
      return c.elapsedAtLeast().map(Nodes::fmt).orElse(describe());
    }
  }

  /* ------------------------------------------------------------------ composition, extension */

  static final class AllNode extends Node {
    private final List<Node> nodes;

    AllNode(List<Node> nodes) {
      this.nodes = nodes;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      Truth t = Truth.TRUE;
      for (Node n : nodes) {
        t = t.and(n.eval(ctx, trace));
      }
      return t;
    }

    @Override
    String describe() {
      return nodes.stream().map(Node::describe).collect(Collectors.joining(" and ", nodes.size() > 1 ? "(" : "", nodes.size() > 1 ? ")" : ""));
    }

    /** The parts' thresholds, so that "above {threshold}" never reads "above (x and y)". */
    @Override
    String thresholdValue() {
      return nodes.stream().map(Node::thresholdValue).collect(Collectors.joining(" and "));
    }
  }

  static final class AnyNode extends Node {
    private final List<Node> nodes;

    AnyNode(List<Node> nodes) {
      this.nodes = nodes;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      Truth t = Truth.FALSE;
      for (Node n : nodes) {
        t = t.or(n.eval(ctx, trace));
      }
      return t;
    }

    @Override
    String describe() {
      return nodes.stream().map(Node::describe).collect(Collectors.joining(" or ", nodes.size() > 1 ? "(" : "", nodes.size() > 1 ? ")" : ""));
    }

    @Override
    String thresholdValue() {
      return nodes.stream().map(Node::thresholdValue).collect(Collectors.joining(" or "));
    }
  }

  static final class NotNode extends Node {
    private final Node node;

    NotNode(Node node) {
      this.node = node;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      return node.eval(ctx, trace).not();
    }

    @Override
    String describe() {
      return "not " + node.describe();
    }

    /**
     * The inner threshold: "not" changes which side of it is acceptable, not the threshold, and
     * "exceeds not (…)" in a message would mislead the clinician reading it.
     */
    @Override
    String thresholdValue() {
      return node.thresholdValue();
    }
  }

  static final class ExtensionNode extends Node {
    private final ExtensionCondition c;

    ExtensionNode(ExtensionCondition c) {
      this.c = c;
    }

    @Override
    Truth eval(EvalContext ctx, Trace trace) {
      var extension = ctx.extensions().get(c.name());
      if (extension.isEmpty()) {
        trace.missing("extension '" + c.name() + "' (not installed)");
        return Truth.UNKNOWN;
      }
      ExtensionResult result;
      try {
        result = extension.get().evaluate(ctx.extensionContext(c.parameters()));
      } catch (Exception | LinkageError | AssertionError e) {
        // Whatever an extension throws is UNKNOWN, including checked exceptions thrown sneakily
        // and assertion or class-loading errors; only VM errors (out of memory) propagate.
        trace.missing("a result from extension '" + c.name() + "' (it failed: " + e.getClass().getSimpleName() + ")");
        return Truth.UNKNOWN;
      }
      if (result == null) {
        trace.missing("a result from extension '" + c.name() + "' (it returned none)");
        return Truth.UNKNOWN;
      }
      result.factsUsed().forEach(f -> trace.use(c.name(), f, null));
      if (result.truth() == Truth.UNKNOWN) {
        result.missingFacts().forEach(trace::missing);
      }
      return result.truth();
    }

    @Override
    String describe() {
      return "extension " + c.name() + (c.parameters().isEmpty() ? "" : " " + c.parameters());
    }
  }
}
