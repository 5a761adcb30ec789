package org.kapsdk.core.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.validation.SourceLocation;

/**
 * The value one {@link Parameter} took when a template was resolved: the canonical text that was
 * put in the template at each of the parameter's places, and whether it came from the clinic
 * profile or the parameter's default.
 */
@Value.Immutable
public sealed interface ParameterValue permits ImmutableParameterValue {

  /** The parameter's declaration. */
  Parameter parameter();

  /** The value in the parameter type's canonical text form ({@code 1 h}, {@code 90 mmHg}, {@code 5}). */
  String value();

  /** Whether the profile set the value or the parameter's default supplied it. */
  ValueOrigin origin();

  /**
   * Where the value was written: the profile's line for a profile value, the parameter's
   * {@code defaultValue} in the template for a default; absent for values given in code.
   */
  Optional<SourceLocation> location();

  /** The parameter's name. */
  default String name() {
    return parameter().name();
  }

  /**
   * The value of an INTEGER parameter.
   *
   * @throws IllegalStateException for a parameter of another type
   */
  default int asInteger() {
    return (Integer) typed(ParameterType.INTEGER);
  }

  /**
   * The value of a DURATION parameter.
   *
   * @throws IllegalStateException for a parameter of another type
   */
  default Duration asDuration() {
    return (Duration) typed(ParameterType.DURATION);
  }

  /**
   * The value of a QUANTITY parameter.
   *
   * @throws IllegalStateException for a parameter of another type
   */
  default Quantity asQuantity() {
    return (Quantity) typed(ParameterType.QUANTITY);
  }

  private Object typed(ParameterType expected) {
    if (parameter().type() != expected) {
      throw new IllegalStateException("parameter '" + name() + "' is of type " + parameter().type() + ", not " + expected);
    }
    return ParameterValues.typed(expected, value());
  }

  /** Structural check run by the builder: the value is a valid value of the parameter. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ParameterValue}; {@code build()} throws when the value does not fit the parameter. */
  final class Builder extends ImmutableParameterValue.Builder {
    public Builder() {}
  }
}
