package org.kapsdk.core.lint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.SessionAt;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.FixedDose;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Unit;
import org.kapsdk.core.validation.Paths;

/**
 * Cumulative limits against what the course plans: KAP-L022 to KAP-L024. A session's least dose
 * is its allowed range's minimum, else its standard dose; a weight-based dose without a range in
 * mg has no amount before the patient is weighed and is left out, as are open-ended repeats.
 * A limit counts every dose of the session's medication (the gate's rule), so every dosing
 * session of the same medication code adds to it.
 */
final class LimitChecks {
  private LimitChecks() {}

  /** KAP-L022: a DAY or WEEK limit below what the session's own pattern gives in that period at the least dose. */
  static void periodLimitBelowPattern(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      DosingSpec spec = s.session().dosing().orElseThrow();
      Optional<Quantity> least = leastDose(spec);
      Optional<Spacing> spacing = Spacing.of(s.session());
      if (least.isEmpty() || spacing.isEmpty()) {
        continue;
      }
      for (int i = 0; i < spec.cumulativeLimits().size(); i++) {
        CumulativeLimit limit = spec.cumulativeLimits().get(i);
        if (limit.period() != LimitPeriod.DAY && limit.period() != LimitPeriod.WEEK) {
          continue;
        }
        String path = Paths.join(Paths.index(s.at("dosing.cumulativeLimits"), i), "maximum");
        String name = "the " + limit.period() + " limit of " + limit.maximum() + " of dosing session " + s.id();
        if (limit.maximum().compareTo(least.get()) < 0) {
          sink.add(path, name + " is below its least dose of " + least.get() + ": the gate blocks every dose",
              "raise the " + limit.period() + " limit to at least " + least.get() + ", or lower the dose");
          continue;
        }
        int sessions = limit.period() == LimitPeriod.WEEK ? spacing.get().mostInAWeek() : 1;
        Quantity total = times(least.get(), sessions);
        if (limit.maximum().compareTo(total) < 0) {
          sink.add(path,
              name + " is below the " + total + " its pattern gives in 7 days at the least dose (" + sessions + " × "
                  + least.get() + ", " + spacing.get().describe() + "): the gate blocks a planned dose every week",
              "raise the WEEK limit to at least " + total + ", or lower the dose or the frequency");
        }
      }
    }
  }

  /** KAP-L023: a COURSE limit below what one phase, up to the session's own, plans at the least dose. */
  static void courseLimitBelowPhase(TemplateIndex index, Sink sink) {
    eachCourseLimit(index, (s, path, limit, phases) -> {
      Planned largest = null;
      for (Planned p : phases) {
        if (largest == null || p.total.compareTo(largest.total) > 0) {
          largest = p;
        }
      }
      if (largest != null && limit.maximum().compareTo(largest.total) < 0) {
        sink.add(path,
            "the COURSE limit of " + limit.maximum() + " of dosing session " + s.id() + " is below the " + largest.total
                + " phase " + largest.phaseId + " plans at the least dose (" + largest.terms
                + "): the gate stops the doses before the phase is given",
            "raise the COURSE limit to at least " + largest.total + ", or plan fewer sessions");
      }
    });
  }

  /** KAP-L024: a COURSE limit that no single phase reaches but the phases up to the session's own do. */
  static void courseLimitBelowCourse(TemplateIndex index, Sink sink) {
    eachCourseLimit(index, (s, path, limit, phases) -> {
      Quantity sum = Quantity.of(0, Unit.MG);
      List<String> ids = new ArrayList<>();
      for (Planned p : phases) {
        if (limit.maximum().compareTo(p.total) < 0) {
          return;
        }
        sum = Quantity.of(sum.value().add(p.total.value()), Unit.MG);
        ids.add(p.phaseId);
      }
      if (limit.maximum().compareTo(sum) < 0) {
        sink.add(path,
            "the COURSE limit of " + limit.maximum() + " of dosing session " + s.id() + " is below the " + sum + " phases "
                + String.join(", ", ids) + " plan at the least dose: the gate stops the course before its planned end",
            "raise the COURSE limit to at least " + sum + ", or confirm that the course is meant to stop there");
      }
    });
  }

  /** What one phase plans of a medication: the total at the least doses and the terms, such as {@code 8 × 56 mg}. */
  private record Planned(String phaseId, Quantity total, String terms) {}

  private interface CourseLimitVisitor {
    void visit(SessionAt session, String path, CumulativeLimit limit, List<Planned> phases);
  }

  private static void eachCourseLimit(TemplateIndex index, CourseLimitVisitor visitor) {
    for (SessionAt s : index.dosingSessions()) {
      DosingSpec spec = s.session().dosing().orElseThrow();
      for (int i = 0; i < spec.cumulativeLimits().size(); i++) {
        CumulativeLimit limit = spec.cumulativeLimits().get(i);
        if (limit.period() != LimitPeriod.COURSE) {
          continue;
        }
        List<Planned> phases = new ArrayList<>();
        for (int p = 0; p <= s.phaseIndex(); p++) {
          planned(index, p, spec).ifPresent(phases::add);
        }
        visitor.visit(s, Paths.join(Paths.index(s.at("dosing.cumulativeLimits"), i), "maximum"), limit, phases);
      }
    }
  }

  private static Optional<Planned> planned(TemplateIndex index, int phaseIndex, DosingSpec of) {
    BigDecimal total = BigDecimal.ZERO;
    List<String> terms = new ArrayList<>();
    String phaseId = null;
    for (SessionAt t : index.dosingSessions()) {
      if (t.phaseIndex() != phaseIndex) {
        continue;
      }
      phaseId = t.phase().id();
      DosingSpec spec = t.session().dosing().orElseThrow();
      Optional<Quantity> least = leastDose(spec);
      Optional<Spacing> spacing = Spacing.of(t.session());
      if (!spec.medication().sameConcept(of.medication()) || least.isEmpty() || spacing.isEmpty()
          || spacing.get().isOpenEnded()) {
        continue;
      }
      int count = spacing.get().finiteCount;
      total = total.add(least.get().value().multiply(BigDecimal.valueOf(count)));
      terms.add(count + " × " + least.get());
    }
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Planned(phaseId, Quantity.of(total, Unit.MG), String.join(" + ", terms)));
  }

  /** The least amount one session may give, in mg, when it is known before the patient is weighed. */
  static Optional<Quantity> leastDose(DosingSpec spec) {
    Optional<Quantity> rangeMin = spec.allowedRange().map(DoseRange::min).filter(q -> q.unit() == Unit.MG);
    if (rangeMin.isPresent()) {
      return rangeMin;
    }
    if (spec.dose() instanceof FixedDose f) {
      return Optional.of(f.amount());
    }
    if (spec.dose() instanceof DeviceDose d) {
      return Optional.of(d.total());
    }
    return Optional.empty();
  }

  private static Quantity times(Quantity q, int n) {
    return Quantity.of(q.value().multiply(BigDecimal.valueOf(n)), q.unit());
  }
}
