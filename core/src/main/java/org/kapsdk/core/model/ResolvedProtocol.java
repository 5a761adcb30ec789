package org.kapsdk.core.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A template resolved for one clinic: the {@link ProtocolTemplate} with every parameter's value
 * in place, the value each parameter took and where it came from, and the profile used (absent
 * when the defaults sufficed). What {@code ProtocolFiles.resolve} returns; tools use it to show
 * what a clinic set.
 */
@Value.Immutable
public sealed interface ResolvedProtocol permits ImmutableResolvedProtocol {

  /** The template, with the parameters' values at every place they are used. */
  ProtocolTemplate template();

  /** One value per parameter of the template, in the order the template declares them. */
  List<ParameterValue> values();

  /** The clinic profile the values came from; absent when none was given. */
  Optional<ClinicProfile> profile();

  /** The value of the named parameter. */
  default Optional<ParameterValue> value(String name) {
    return values().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** Structural check run by the builder: exactly one value per declared parameter, in order. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ResolvedProtocol}; {@code build()} throws when the values do not match the template's parameters. */
  final class Builder extends ImmutableResolvedProtocol.Builder {
    public Builder() {}
  }
}
