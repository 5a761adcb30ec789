package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A repeat pattern: so many times a week, or every so often, for a number of weeks or
 * occurrences, or open-ended (the scheduler then plans up to its horizon).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRepeat.class)
@JsonDeserialize(builder = Repeat.Builder.class)
public sealed interface Repeat permits ImmutableRepeat {

  /** Sessions per week, 1 to 7; not set together with {@link #every()}. */
  Optional<Integer> timesPerWeek();

  /** The interval between sessions; not set together with {@link #timesPerWeek()}. */
  Optional<Duration> every();

  /** For how many weeks; not set together with {@link #occurrences()}. */
  Optional<Integer> weeks();

  /** How many sessions in all; not set together with {@link #weeks()}. */
  Optional<Integer> occurrences();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Repeat}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableRepeat.Builder {
    public Builder() {}
  }
}
