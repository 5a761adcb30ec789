package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.internal.ScalarText;

/**
 * A value of a template the clinic decides: declared once under the template's
 * {@code parameters}, used wherever a value is written {@code ${name}}, and set in a clinic
 * profile. Built-in templates are never edited to adapt them; the profile is the only change.
 *
 * <p>Every parameter states where its value comes from: a {@link #source()} (a key of the
 * template's evidence list) or {@link #clinicPolicy()}. Only a parameter whose source is
 * {@linkplain Evidence#confirmed() confirmed} may carry a {@link #defaultValue()}: a clinical
 * threshold is never invented, so an unconfirmed source or a clinic policy supplies no default,
 * and a parameter without a default is required.
 *
 * <p>Values are written in the type's text form: {@code 90 mmHg} for a QUANTITY (in exactly the
 * parameter's unit), {@code 30 min} for a DURATION, {@code 5} for an INTEGER.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableParameter.class)
@JsonDeserialize(builder = Parameter.Builder.class)
public sealed interface Parameter permits ImmutableParameter {

  /** The name placeholders use, such as {@code bp-reading-max-age}: lower case, digits, {@code . _ -}. */
  String name();

  /** What kind of value the parameter takes. */
  ParameterType type();

  /** The unit of a QUANTITY parameter's values, written as its symbol ({@code mmHg}); absent for the other types. */
  Optional<Unit> unit();

  /** The smallest allowed value, in the type's text form; absent when there is none. */
  @JsonSerialize(contentUsing = ScalarText.Serializer.class)
  @JsonDeserialize(contentUsing = ScalarText.Deserializer.class)
  Optional<String> min();

  /** The largest allowed value, in the type's text form; absent when there is none. */
  @JsonSerialize(contentUsing = ScalarText.Serializer.class)
  @JsonDeserialize(contentUsing = ScalarText.Deserializer.class)
  Optional<String> max();

  /** What the clinic decides with this value, for the people who write the profile. */
  String description();

  /** The evidence key the value comes from; exactly one of this and {@link #clinicPolicy()} is set. */
  Optional<String> source();

  /** Whether the value is the clinic's own policy, with no source behind it. */
  @Value.Default
  default boolean clinicPolicy() {
    return false;
  }

  /**
   * The value used when a profile does not set one, in the type's text form. Only allowed with a
   * confirmed {@link #source()}.
   */
  @JsonSerialize(contentUsing = ScalarText.Serializer.class)
  @JsonDeserialize(contentUsing = ScalarText.Deserializer.class)
  Optional<String> defaultValue();

  /** Whether a profile must set the value: true when there is no default. */
  @JsonIgnore
  default boolean required() {
    return defaultValue().isEmpty();
  }

  /**
   * The given text as a value of this parameter, in canonical form ({@code 60 min} becomes
   * {@code 1 h}); the range is not checked.
   *
   * @throws IllegalArgumentException naming the expected form when the text is not of the
   *     parameter's type, or a quantity is not in the parameter's unit
   */
  default String canonicalValue(String text) {
    return ParameterValues.canonical(this, text);
  }

  /**
   * What is wrong with the given text as a value of this parameter (type, unit or range), as a
   * message naming the parameter; empty when it is a valid value.
   */
  default Optional<String> problemWith(String text) {
    return ParameterValues.problemWith(this, text);
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

  /** Builds a {@link Parameter}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableParameter.Builder {
    public Builder() {}
  }
}
