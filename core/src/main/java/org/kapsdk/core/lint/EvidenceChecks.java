package org.kapsdk.core.lint;

import java.util.List;
import java.util.Optional;
import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.RuleAt;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.OutcomeDefinition;
import org.kapsdk.core.model.PatientAge;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionInterval;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.StepBack;
import org.kapsdk.core.validation.Paths;

/**
 * Where the numbers come from: KAP-L025 and KAP-L026. A rule must cite evidence to exist at all
 * (a structural check), so only decision points, step backs and outcome definitions can cite
 * none. A clinical number is a threshold a condition compares with (a reading, a score, an age,
 * an interval, a dose, an elapsed time); how old a reading may be ({@code maxAge}, {@code
 * within}) is an operational choice and does not count.
 */
final class EvidenceChecks {
  private static final String CITE_FIX = "cite the source in evidence; a clinic policy is an evidence entry with confirmed: false";

  private EvidenceChecks() {}

  /** KAP-L025: a decision point, step back or outcome definition with numbers that cites no evidence. */
  static void numberWithoutEvidence(TemplateIndex index, Sink sink) {
    ProtocolTemplate t = index.template;
    for (int i = 0; i < t.phases().size(); i++) {
      Phase phase = t.phases().get(i);
      String path = Paths.index("phases", i);
      phase.decision().filter(d -> d.evidence().isEmpty()).ifPresent(d ->
          sink.add(Paths.join(path, "decision.evidence"),
              "the decision at the end of phase " + phase.id() + " cites no evidence: reviewers cannot see where judging"
                  + " response on the " + d.instrument().displayName() + " at this point comes from",
              CITE_FIX));
      phase.stepBack().filter(b -> b.evidence().isEmpty()).ifPresent(b ->
          sink.add(Paths.join(path, "stepBack.evidence"),
              "the step back of phase " + phase.id() + " (" + stepBackNumber(b) + ") cites no evidence: the number has no source",
              CITE_FIX));
    }
    for (int i = 0; i < t.outcomes().size(); i++) {
      OutcomeDefinition o = t.outcomes().get(i);
      if (o.evidence().isEmpty() && numbers(o).isPresent()) {
        sink.add(Paths.join(Paths.index("outcomes", i), "evidence"),
            "the " + o.instrument().displayName() + " outcome definition (" + numbers(o).get()
                + ") cites no evidence: its numbers have no source",
            CITE_FIX);
      }
    }
  }

  /**
   * KAP-L026: evidence marked {@code confirmed: false} cited by a BLOCK rule, or by a rule, step
   * back or outcome definition whose number rests on it. Every such citation is reported, even
   * beside a confirmed one: each placeholder needs a reviewer.
   */
  static void unconfirmedEvidence(TemplateIndex index, Sink sink) {
    ProtocolTemplate t = index.template;
    for (RuleAt r : index.rules) {
      boolean block = r.rule().severity() == Severity.BLOCK;
      if (!block && !hasNumber(r)) {
        continue;
      }
      String why = block ? "a hard stop rests on a placeholder source" : "its threshold rests on a placeholder source";
      String what = (block ? "BLOCK rule " : "rule ") + r.id();
      unconfirmed(t, r.rule().evidence(), Paths.join(r.path(), "evidence"), what, why, sink);
    }
    for (int i = 0; i < t.phases().size(); i++) {
      Phase phase = t.phases().get(i);
      String path = Paths.join(Paths.index("phases", i), "stepBack.evidence");
      phase.stepBack().ifPresent(b -> unconfirmed(t, b.evidence(), path, "the step back of phase " + phase.id(),
          "its number (" + stepBackNumber(b) + ") rests on a placeholder source", sink));
    }
    for (int i = 0; i < t.outcomes().size(); i++) {
      OutcomeDefinition o = t.outcomes().get(i);
      if (numbers(o).isPresent()) {
        unconfirmed(t, o.evidence(), Paths.join(Paths.index("outcomes", i), "evidence"),
            "the " + o.instrument().displayName() + " outcome definition",
            "its numbers (" + numbers(o).get() + ") rest on a placeholder source", sink);
      }
    }
  }

  private static void unconfirmed(ProtocolTemplate t, List<String> keys, String path, String what, String why, Sink sink) {
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      if (t.evidence(key).filter(e -> !e.confirmed()).isPresent()) {
        sink.add(Paths.index(path, k),
            what + " cites evidence " + key + ", which is not confirmed: " + why,
            "check the source and set confirmed: true on evidence " + key + ", or have the medical director sign off the value");
      }
    }
  }

  private static String stepBackNumber(StepBack b) {
    return "a rise of " + Texts.count(b.worsenedByAtLeast(), "point") + " on the " + b.instrument().displayName() + " total";
  }

  private static Optional<String> numbers(OutcomeDefinition o) {
    String response = o.responseDropPercent().map(p -> "response: a drop of " + p + "%").orElse(null);
    String remission = o.remissionAtMost().map(r -> "remission: at most " + r).orElse(null);
    if (response == null && remission == null) {
      return Optional.empty();
    }
    return Optional.of(response == null ? remission : remission == null ? response : response + ", " + remission);
  }

  private static boolean hasNumber(RuleAt r) {
    boolean[] found = {false};
    TemplateIndex.visit(r.condition(), r.conditionPath(), (p, c) -> {
      if (c instanceof ObservationThreshold || c instanceof PatientAge || c instanceof AssessmentThreshold
          || c instanceof SessionInterval || c instanceof DoseLimit || c instanceof MonitoringElapsed
          || c instanceof ObservationTrend o && o.tolerance().isPresent()
          || c instanceof AttestationPresent a && a.elapsedAtLeast().isPresent()) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
