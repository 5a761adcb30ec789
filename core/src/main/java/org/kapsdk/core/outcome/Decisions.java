package org.kapsdk.core.outcome;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kapsdk.core.model.DecisionPoint;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * Judges a phase's {@link DecisionPoint} on the course's scores, such as the week-4 benefit check
 * of esketamine induction (PI). The result is a {@link DecisionItem}: a recommendation for the
 * clinician. Nothing in the SDK applies it; the clinician decides.
 *
 * <p>When to judge (after the phase's last session, at week 4…) is the caller's choice: {@code
 * evaluate} judges the series as it stands.
 */
public final class Decisions {

  private Decisions() {}

  /**
   * Judges one decision point.
   *
   * @param template the course's template
   * @param phase the phase of {@code template} the decision point ends; normally {@code d} is its
   *     {@link Phase#decision()}
   * @param d the decision point
   * @param series the scores of {@code d}'s instrument, built with the template's definition for it
   * @throws IllegalArgumentException when {@code phase} is not a phase of {@code template}, or
   *     {@code series} is of another instrument or was judged with another definition than the
   *     template's, because the item would then state values the template does not hold
   */
  public static DecisionItem evaluate(ProtocolTemplate template, Phase phase, DecisionPoint d, OutcomeSeries series) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(d, "d");
    Objects.requireNonNull(series, "series");
    List<Phase> phases = template.phases();
    int index = phases.indexOf(phase);
    if (index < 0) {
      throw new IllegalArgumentException("phase '" + phase.id() + "' is not a phase of template '" + template.id() + "'");
    }
    if (series.instrument() != d.instrument()) {
      throw new IllegalArgumentException("the decision point judges " + d.instrument().displayName()
          + " but the series holds " + series.instrument().displayName());
    }
    if (!series.definition().equals(template.outcome(d.instrument()))) {
      throw new IllegalArgumentException("the series was judged with another " + d.instrument().displayName()
          + " outcome definition than the template's; build it with OutcomeSeries.of(template, instrument, ...)");
    }

    Set<String> evidence = new LinkedHashSet<>(d.evidence());
    evidence.addAll(series.definition().evidence());
    DecisionItem.Builder item = DecisionItem.builder()
        .phaseId(phase.id())
        .instrument(d.instrument())
        .onNonResponse(d.onNonResponse())
        .reason(series.responseReason())
        .baseline(series.baseline())
        .latest(series.latest())
        .percentChange(series.percentChange())
        .responseDropPercent(series.responseDropPercent())
        .evidence(evidence);

    switch (series.response()) {
      case RESPONSE: {
        Optional<String> next = d.onResponse()
            .or(() -> index + 1 < phases.size() ? Optional.of(phases.get(index + 1).id()) : Optional.empty());
        return item.status(DecisionStatus.RESPONDED)
            .nextPhase(next)
            .recommendation(next.map(id -> "continue to phase " + id)
                .orElse("continue the course; no phase follows '" + phase.id() + "' in the template"))
            .build();
      }
      case NO_RESPONSE:
        return item.status(DecisionStatus.NOT_RESPONDED)
            .recommendation(switch (d.onNonResponse()) {
              case RECOMMEND_STOP -> "recommend stopping the course";
              case REVIEW -> "review whether and how to continue";
            })
            .build();
      case NOT_CLASSIFIABLE:
      case UNKNOWN:
        return item.status(DecisionStatus.CANNOT_JUDGE)
            .recommendation("response cannot be judged: " + series.responseReason())
            .build();
      default:
        throw new AssertionError(series.response());
    }
  }
}
