package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.kapsdk.core.internal.KapsdkStyle;

/**
 * How a dose is expressed: a fixed amount, an amount per kilogram of body weight with rounding
 * and a cap, or a number of devices of a fixed strength (esketamine's 28 mg devices).
 */
@KapsdkStyle
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FixedDose.class, name = "fixed"),
  @JsonSubTypes.Type(value = WeightBasedDose.class, name = "weightBased"),
  @JsonSubTypes.Type(value = DeviceDose.class, name = "devices")
})
public sealed interface Dose permits FixedDose, WeightBasedDose, DeviceDose {}
