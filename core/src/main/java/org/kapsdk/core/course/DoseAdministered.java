package org.kapsdk.core.course;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.immutables.value.Value;

/**
 * One administration in a dosing session: for a device dose one device (esketamine: 28 mg), for
 * an infusion its whole amount. Besides the amount and route it carries what a controlled
 * substance record needs: the lot, how much was drawn and wasted, and who witnessed the waste.
 *
 * <p>Appending it is refused unless the session is a started dosing session, the route is the
 * dosing spec's, the amount is a positive mass in mg, the session and cumulative limits hold,
 * and a PRE_DOSE gate check that did not block is recorded for the session (see
 * {@link CourseRecord#append}).
 */
@JsonTypeName("doseAdministered")
@Value.Immutable
@JsonSerialize(as = ImmutableDoseAdministered.class)
@JsonDeserialize(builder = DoseAdministered.Builder.class)
public sealed interface DoseAdministered extends CourseEvent permits ImmutableDoseAdministered {

  /** The occurrence id of the session. */
  String sessionId();

  /** How much was given, in mg. */
  Quantity amount();

  /** The route by which it was given; must be the dosing spec's. */
  Route route();

  /** The lot (batch) number of the product, as the REMS form and the controlled-substance log record it. */
  Optional<String> lot();

  /** The medication given, when recorded; must be the dosing spec's medication. */
  Optional<Code> medication();

  /** How much was drawn from stock, in mg; at least {@code amount + wasted}. */
  Optional<Quantity> drawn();

  /** How much was wasted, in mg; requires a {@link #witness()} other than {@link #by()}. */
  Optional<Quantity> wasted();

  /** The opaque staff id of the witness of the waste. */
  Optional<String> witness();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    CourseChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DoseAdministered}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDoseAdministered.Builder {
    public Builder() {}
  }
}
