package org.kapsdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Re-planning's answer to worsening scores in a phase: the rest of the phase follows the
 * schedule of an earlier, more frequent phase. For esketamine maintenance, a missed session with
 * worsening is a reason to consider the previous schedule (JJMI).
 *
 * <p>The reference gives no number for "worsening", so the author sets it: the rise in the
 * instrument's total, from the score at the start of the phase to the latest, that counts.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStepBack.class)
@JsonDeserialize(builder = StepBack.Builder.class)
public sealed interface StepBack permits ImmutableStepBack {

  /** The instrument whose total is watched. */
  Instrument instrument();

  /** How many points the total must rise, at least, to count as worsening; 1 or more. */
  int worsenedByAtLeast();

  /** The id of the phase whose schedule the rest of this phase then follows. */
  String toPhase();

  /** Evidence keys for the policy. */
  List<String> evidence();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StepBack}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableStepBack.Builder {
    public Builder() {}
  }
}
