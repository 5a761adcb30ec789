package org.kapsdk.core.outcome;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.validation.Problems;

/**
 * One item of one assessment that needs item-level review whatever the total, such as PHQ-9
 * item 9 above 0 ({@code CLINICAL-REFERENCE.md} §4). Produced by {@link ItemFlags}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableItemFlag.class)
@JsonDeserialize(builder = ItemFlag.Builder.class)
public sealed interface ItemFlag permits ImmutableItemFlag {

  /** Why the item is flagged. */
  enum Status {
    /** The item was recorded and scored above 0. */
    POSITIVE,
    /**
     * The item was not recorded (only the total was), so it may be positive: a total can hide a
     * positive item 9, and silence would read as "nothing to review".
     */
    UNKNOWN
  }

  /** The instrument. */
  Instrument instrument();

  /** The 1-based item number. */
  int item();

  /** When the assessment was completed. */
  Instant at();

  /** Why the item is flagged. */
  Status status();

  /** The item's score; present exactly when {@link #status()} is POSITIVE. */
  Optional<Integer> score();

  /** What the clinician should do, in a sentence. */
  String message();

  /** The source key of the review rule, for example {@code FHIR-MII} or {@code BDI2}. */
  String source();

  /** Structural check run by the builder. */
  @Value.Check
  default void checkStructure() {
    Problems p = new Problems();
    p.require(item() >= 1 && item() <= instrument().items(), "item",
        "must be an item number from 1 to " + instrument().items() + " for " + instrument().displayName());
    p.require(score().isPresent() == (status() == Status.POSITIVE), "score", "must be present exactly when status is POSITIVE");
    score().ifPresent(s -> p.require(s > instrument().itemMin() && s <= instrument().itemMax(), "score",
        "must lie above " + instrument().itemMin() + " and at most " + instrument().itemMax()));
    p.require(!message().isBlank(), "message", "must not be blank");
    p.require(!source().isBlank(), "source", "must not be blank");
    p.throwIfAny();
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ItemFlag}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableItemFlag.Builder {
    public Builder() {}
  }
}
