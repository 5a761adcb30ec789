package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A number of single-use devices of a fixed strength, given with a rest between
 * devices, for example 2 devices of 28 mg with 5 min between them.
 */
@JsonTypeName("devices")
@Value.Immutable
@JsonSerialize(as = ImmutableDeviceDose.class)
@JsonDeserialize(builder = DeviceDose.Builder.class)
public sealed interface DeviceDose extends Dose permits ImmutableDeviceDose {

  /** The amount one device delivers, in mg. */
  Quantity perDevice();

  /** How many devices. */
  int devices();

  /** The rest between two devices. */
  Duration betweenDevices();

  /** The total amount: {@code perDevice × devices}. */
  @JsonIgnore
  default Quantity total() {
    return Quantity.of(perDevice().value().multiply(java.math.BigDecimal.valueOf(devices())), perDevice().unit());
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeviceDose}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableDeviceDose.Builder {
    public Builder() {}
  }
}
