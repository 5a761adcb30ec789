package org.kapsdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Marks a session template as a group session: one session held for a cohort of participants,
 * each of whom keeps their own course, facts and safety record. The size limits are the
 * clinic's, usually written as parameters ({@code maxParticipants: ${max-dosing-participants}}):
 * a cohort size a source describes (such as 20 to 40) is a description of one programme, not a
 * limit for every setting.
 *
 * <p>{@code org.kapsdk.core.cohort.CohortSession} refuses a roster larger than
 * {@link #maxParticipants()}; the linter reports a group dosing session without one (KAP-L027).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableGroupSpec.class)
@JsonDeserialize(builder = GroupSpec.Builder.class)
public sealed interface GroupSpec permits ImmutableGroupSpec {

  /** The most participants one session may hold; at least 2. */
  Optional<Integer> maxParticipants();

  /** The fewest participants the session is meant to run with; at least 1 and not above {@link #maxParticipants()}. */
  Optional<Integer> minParticipants();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GroupSpec}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableGroupSpec.Builder {
    public Builder() {}
  }
}
