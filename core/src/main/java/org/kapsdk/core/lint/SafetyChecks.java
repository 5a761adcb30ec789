package org.kapsdk.core.lint;

import java.util.ArrayList;
import java.util.List;
import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.RuleAt;
import org.kapsdk.core.lint.TemplateIndex.SessionAt;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.Unit;
import org.kapsdk.core.model.WeightBasedDose;

/** The checks a patient meets before, at and after a dose: KAP-L001 to KAP-L006. */
final class SafetyChecks {
  private SafetyChecks() {}

  /** KAP-L001: the template doses, but no BLOCK rule guards eligibility. */
  static void noEligibilityBlock(TemplateIndex index, Sink sink) {
    List<SessionAt> dosing = index.dosingSessions();
    if (dosing.isEmpty()) {
      return;
    }
    boolean guarded = index.rulesOf(Gate.ELIGIBILITY).stream().anyMatch(r -> r.rule().severity() == Severity.BLOCK);
    if (!guarded) {
      sink.add("rules",
          "the template doses (" + TemplateIndex.sessionList(dosing) + ") but has no BLOCK rule at gate ELIGIBILITY:"
              + " nothing stops a contraindicated patient from starting the course",
          "add a BLOCK rule at gate ELIGIBILITY for each absolute contraindication of the medication");
    }
  }

  /** KAP-L002: a dosing session that no PRE_DOSE rule applies to. */
  static void noPreDoseRule(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      if (index.rulesAt(s, Gate.PRE_DOSE).isEmpty()) {
        sink.add(s.at("rules"),
            "no PRE_DOSE rule applies to dosing session " + s.id() + " (phase " + s.phase().id() + "):"
                + " nothing about the patient is checked before a dose, only the dosing spec's limits",
            "add PRE_DOSE rules (vital signs, interacting medicines, preparation) to the template's rules or to this session's rules");
      }
    }
  }

  /** KAP-L003: a dosing session whose PRE_DOSE rules only warn or inform. */
  static void noPreDoseBlock(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      List<RuleAt> rules = index.rulesAt(s, Gate.PRE_DOSE);
      if (!rules.isEmpty() && rules.stream().noneMatch(r -> r.rule().severity() == Severity.BLOCK)) {
        sink.add(s.at("rules"),
            "none of the " + Texts.count(rules.size(), "PRE_DOSE rule") + " that apply to dosing session " + s.id()
                + " has severity BLOCK: a failed or missing pre-dose check only warns, and only the dosing spec's limits can stop a dose",
            "make the pre-dose checks that must stop a dose BLOCK rules");
      }
    }
  }

  /** KAP-L004: a dosing session that no DISCHARGE rule applies to. */
  static void noDischargeRule(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      if (index.rulesAt(s, Gate.DISCHARGE).isEmpty()) {
        sink.add(s.at("rules"),
            "no DISCHARGE rule applies to dosing session " + s.id() + " (phase " + s.phase().id() + "):"
                + " nothing checks that the patient is fit to leave after the dose",
            "add DISCHARGE rules, such as monitoringElapsed for the least observation time and the vital signs that must be back in range");
      }
    }
  }

  /** KAP-L005: a dosing session whose dose no ceiling caps before it is given. */
  static void noDoseCeiling(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      DosingSpec spec = s.session().dosing().orElseThrow();
      if (spec.maxPerSession().isPresent()) {
        continue;
      }
      boolean ruled = false;
      for (RuleAt r : index.rulesAt(s, Gate.PRE_DOSE)) {
        if (r.rule().severity() != Severity.BLOCK) {
          continue;
        }
        List<DoseLimit> limits = new ArrayList<>();
        TemplateIndex.needed(r, c -> {
          if (c instanceof DoseLimit d && d.period() == LimitPeriod.SESSION) {
            limits.add(d);
          }
        });
        ruled |= !limits.isEmpty();
      }
      if (!ruled) {
        sink.add(s.at("dosing.maxPerSession"),
            "dosing session " + s.id() + " has no per-session ceiling checked before the dose (no maxPerSession and no BLOCK"
                + " PRE_DOSE doseLimit for period SESSION): a mistyped planned dose passes the gate",
            "set dosing.maxPerSession to the largest dose one session may give");
      }
    }
  }

  /** KAP-L006: a weight-based dose with no blocking pre-dose check of a recent body weight. */
  static void weightDoseWithoutWeight(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      DosingSpec spec = s.session().dosing().orElseThrow();
      if (!(spec.dose() instanceof WeightBasedDose w)) {
        continue;
      }
      boolean checked = false;
      for (RuleAt r : index.rulesAt(s, Gate.PRE_DOSE)) {
        if (r.rule().severity() != Severity.BLOCK) {
          continue;
        }
        boolean[] reads = {false};
        TemplateIndex.visit(r.condition(), r.conditionPath(), (p, c) -> {
          if (c instanceof ObservationThreshold o && o.code().sameConcept(Codes.BODY_WEIGHT)
              || c instanceof ObservationTrend o2 && o2.code().sameConcept(Codes.BODY_WEIGHT)
              || c instanceof DoseLimit d && d.maximum().unit() == Unit.MG_PER_KG) {
            reads[0] = true;
          }
        });
        checked |= reads[0];
      }
      if (!checked) {
        sink.add(s.at("dosing.dose"),
            "the dose of dosing session " + s.id() + " is " + w.perKg() + ", but no BLOCK PRE_DOSE rule reads a recent body weight"
                + " (" + Texts.code(Codes.BODY_WEIGHT) + "): the dose could be computed from a missing or outdated weight",
            "add a BLOCK PRE_DOSE rule on a body weight observation with a maxAge, or a doseLimit in mg/kg with weightMaxAge");
      }
    }
  }
}
