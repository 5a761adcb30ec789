package org.kapsdk.core.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kapsdk.core.internal.DeferredValidation;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.StructuralChecks;
import org.kapsdk.core.outcome.Scoring;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/**
 * Structural checks of facts. They refuse only what cannot be meant (an assessment item out of
 * the instrument's range, a session that ends before it starts, a duplicate session id); they
 * never fill in or drop data, because the gate must see exactly what was recorded. Messages
 * name paths and never echo patient values.
 */
public final class FactChecks {
  private FactChecks() {}

  /** Every structural problem of a facts value, with paths relative to it. */
  public static List<Problem> problemsOf(Object value) {
    Problems p = new Problems();
    dispatch(p, "", value);
    return p.toList();
  }

  static void check(Object value) {
    DeferredValidation.checkNow(value, FactChecks::problemsOf);
  }

  private static void dispatch(Problems p, String path, Object v) {
    if (v instanceof PatientFacts f) {
      facts(p, path, f);
    } else if (v instanceof AssessmentResult a) {
      assessment(p, path, a);
    } else if (v instanceof SessionRecord s) {
      session(p, path, s);
    } else if (v instanceof Attestation a) {
      p.require(!a.key().isBlank(), Paths.join(path, "key"), "must not be blank");
    } else if (v instanceof Administration a) {
      p.require(a.amount().isPositive(), Paths.join(path, "amount"), "must be positive");
    }
  }

  private static void facts(Problems p, String path, PatientFacts f) {
    p.require(!f.patientId().isBlank(), Paths.join(path, "patientId"), "must not be blank");
    f.ageYears().ifPresent(a -> p.require(a >= 0 && a <= 130, Paths.join(path, "ageYears"), "must be between 0 and 130"));
    for (int i = 0; i < f.assessments().size(); i++) {
      assessment(p, Paths.index(Paths.join(path, "assessments"), i), f.assessments().get(i));
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < f.sessions().size(); i++) {
      String sp = Paths.index(Paths.join(path, "sessions"), i);
      SessionRecord s = f.sessions().get(i);
      session(p, sp, s);
      p.require(ids.add(s.id()), Paths.join(sp, "id"), "duplicate session id '" + s.id() + "'");
    }
    for (int i = 0; i < f.attestations().size(); i++) {
      dispatch(p, Paths.index(Paths.join(path, "attestations"), i), f.attestations().get(i));
    }
    // Codes read from a file skipped their own check (see DeferredValidation); a blank code
    // would match nothing and so make a contraindication look absent.
    for (int i = 0; i < f.observations().size(); i++) {
      code(p, Paths.join(Paths.index(Paths.join(path, "observations"), i), "code"), f.observations().get(i).code());
    }
    f.conditions().ifPresent(c -> codes(p, Paths.join(Paths.join(path, "conditions"), "codes"), c.codes()));
    f.medications().ifPresent(m -> codes(p, Paths.join(Paths.join(path, "medications"), "codes"), m.codes()));
  }

  private static void codes(Problems p, String path, List<Code> codes) {
    for (int i = 0; i < codes.size(); i++) {
      code(p, Paths.index(path, i), codes.get(i));
    }
  }

  private static void code(Problems p, String path, Code code) {
    for (Problem problem : StructuralChecks.problemsOf(code)) {
      Problem placed = problem.under(path);
      p.add(placed.path(), placed.message());
    }
  }

  private static void assessment(Problems p, String path, AssessmentResult a) {
    int n = a.items().size();
    boolean complete = p.require(n == 0 || n == a.instrument().items(), Paths.join(path, "items"),
        "must hold all " + a.instrument().items() + " items of " + a.instrument().displayName() + " or none");
    boolean inRange = true;
    for (int i = 0; i < n; i++) {
      int score = a.items().get(i);
      inRange &= p.require(score >= a.instrument().itemMin() && score <= a.instrument().itemMax(),
          Paths.index(Paths.join(path, "items"), i),
          "must lie within the item range " + a.instrument().itemMin() + " to " + a.instrument().itemMax());
    }
    boolean scorable = n > 0 && complete && inRange;
    a.total().ifPresent(t -> {
      p.require(t >= a.instrument().totalMin() && t <= a.instrument().totalMax(), Paths.join(path, "total"),
          "must lie within the " + a.instrument().displayName() + " total range " + a.instrument().totalMin()
              + " to " + a.instrument().totalMax());
      // The instrument's own scoring, not a plain sum: QIDS-SR16 sums domain maxima, the C-SSRS
      // screener counts positive answers.
      if (scorable) {
        p.require(Scoring.total(a.instrument(), a.items()) == t, Paths.join(path, "total"),
            "does not equal " + Scoring.method(a.instrument()));
      }
    });
  }

  private static void session(Problems p, String path, SessionRecord s) {
    p.require(!s.id().isBlank(), Paths.join(path, "id"), "must not be blank");
    p.require(!s.template().isBlank(), Paths.join(path, "template"), "must not be blank");
    s.end().ifPresent(e -> p.require(!e.isBefore(s.start()), Paths.join(path, "end"), "must not be before start"));
    for (int i = 0; i < s.administrations().size(); i++) {
      dispatch(p, Paths.index(Paths.join(path, "administrations"), i), s.administrations().get(i));
    }
  }
}
