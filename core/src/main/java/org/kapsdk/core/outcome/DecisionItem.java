package org.kapsdk.core.outcome;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.NonResponseAction;
import org.kapsdk.core.validation.Problems;

/**
 * A decision point judged on the course's scores (see {@link Decisions}): a recommendation for
 * the clinician, with the values it rests on. Nothing in the SDK applies it: the course does not
 * move to the next phase, stop or change by itself; the clinician decides and the host records
 * that decision.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDecisionItem.class)
@JsonDeserialize(builder = DecisionItem.Builder.class)
public sealed interface DecisionItem permits ImmutableDecisionItem {

  /** The id of the phase whose decision point this is. */
  String phaseId();

  /** The instrument response was judged on. */
  Instrument instrument();

  /** What was found. */
  DecisionStatus status();

  /**
   * The recommendation in words: "continue to phase {@code <id>}" for RESPONDED; "recommend
   * stopping the course" or "review whether and how to continue" for NOT_RESPONDED, as the
   * decision point's {@link #onNonResponse()} says; for CANNOT_JUDGE, what is missing.
   */
  String recommendation();

  /** Why: the response status's reason, with baseline, latest, change and threshold. */
  String reason();

  /** For RESPONDED, the phase to continue to: the decision point's {@code onResponse}, else the next phase; empty when none follows. */
  Optional<String> nextPhase();

  /** What the decision point recommends for non-responders, whatever the status, so the view can show it in advance. */
  NonResponseAction onNonResponse();

  /** The baseline score used. */
  Optional<ScorePoint> baseline();

  /** The latest score used. */
  Optional<ScorePoint> latest();

  /** The latest score's change from baseline in percent, rounded to one decimal; negative is a drop. */
  Optional<BigDecimal> percentChange();

  /** The response threshold in force: a drop of at least this many percent. */
  Optional<Integer> responseDropPercent();

  /** Evidence keys: the decision point's, then the template outcome definition's, without repeats. */
  List<String> evidence();

  /** Structural check run by the builder. */
  @Value.Check
  default void checkStructure() {
    Problems p = new Problems();
    p.require(!phaseId().isBlank(), "phaseId", "must not be blank");
    p.require(!recommendation().isBlank(), "recommendation", "must not be blank");
    p.require(!reason().isBlank(), "reason", "must not be blank");
    p.require(nextPhase().isEmpty() || status() == DecisionStatus.RESPONDED, "nextPhase", "is only set when status is RESPONDED");
    p.throwIfAny();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DecisionItem}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDecisionItem.Builder {
    public Builder() {}
  }
}
