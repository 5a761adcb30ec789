package org.kapsdk.core.lint;

import java.time.Duration;
import java.util.Optional;
import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.SessionAt;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.validation.Paths;

/**
 * What follows a dose: KAP-L013 to KAP-L015. A step's window is compared with the shortest
 * spacing of its own session's pattern (the next dose of the same session template), measured on
 * the scheduler's targets. FORM steps are administrative deadlines (the REMS Patient Monitoring
 * Form is due within 7 days whatever comes next), so only the other kinds must fit before the
 * next dose.
 */
final class IntegrationChecks {
  private IntegrationChecks() {}

  /** KAP-L013: a dosing session with no integration step. */
  static void noIntegrationStep(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      if (s.session().integrationSteps().isEmpty()) {
        sink.add(s.at("integrationSteps"),
            "dosing session " + s.id() + " has no integration step: nothing is due after the dose to follow up on the experience",
            "add an integration step (a therapy session, check-in or form) with its window after the dose");
      }
    }
  }

  /** KAP-L014: a step that can never be done before the next dose of its session. */
  static void stepAfterNextDose(TemplateIndex index, Sink sink) {
    each(index, (s, spacing, i, step, gap) -> {
      if (step.earliest().compareTo(gap) >= 0) {
        sink.add(Paths.join(stepPath(s, i), "earliest"),
            "integration step " + step.id() + " may start " + Texts.duration(step.earliest()) + " after the dose, but the next dose of "
                + s.id() + " can fall " + Texts.duration(gap) + " later (" + spacing.describe()
                + "): the step can never be done before the next dose",
            "make the step's earliest shorter than " + Texts.duration(gap) + ", or space the doses further apart");
      }
    });
  }

  /** KAP-L015: a step whose window reaches past the next dose of its session. */
  static void stepOverlapsNextDose(TemplateIndex index, Sink sink) {
    each(index, (s, spacing, i, step, gap) -> {
      if (step.earliest().compareTo(gap) < 0 && step.latest().compareTo(gap) > 0) {
        sink.add(Paths.join(stepPath(s, i), "latest"),
            "integration step " + step.id() + " is due up to " + Texts.duration(step.latest()) + " after the dose, but the next dose of "
                + s.id() + " can fall " + Texts.duration(gap) + " later (" + spacing.describe()
                + "): the step may be left until after the next dose",
            "set the step's latest to at most " + Texts.duration(gap) + ", so that it is done before the next dose");
      }
    });
  }

  private static String stepPath(SessionAt s, int i) {
    return Paths.index(s.at("integrationSteps"), i);
  }

  private interface StepVisitor {
    void visit(SessionAt session, Spacing spacing, int index, IntegrationStep step, Duration gap);
  }

  private static void each(TemplateIndex index, StepVisitor visitor) {
    for (SessionAt s : index.dosingSessions()) {
      Optional<Spacing> spacing = Spacing.of(s.session());
      if (spacing.isEmpty() || !spacing.get().hasGaps()) {
        continue;
      }
      Duration gap = Duration.ofDays(spacing.get().minGap());
      for (int i = 0; i < s.session().integrationSteps().size(); i++) {
        IntegrationStep step = s.session().integrationSteps().get(i);
        if (step.kind() != IntegrationKind.FORM) {
          visitor.visit(s, spacing.get(), i, step, gap);
        }
      }
    }
  }
}
