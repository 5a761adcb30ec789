package org.kapsdk.core.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.internal.ScalarText;

/**
 * A clinic's settings for one template: the values of the template's {@link Parameter}s that the
 * clinic decides (how old a blood-pressure reading may be, how many PHQ-9 points count as
 * worsening). The profile is the only change a clinic makes to adapt a template; the template,
 * built-in or not, stays as it was written.
 *
 * <p>A profile names the template it is for ({@link #template()}, optionally
 * {@link #templateVersion()}); resolving it against another template is refused. Values are
 * written in the parameter's text form ({@code 1 h}, {@code 90 mmHg}, {@code 5}).
 *
 * <pre>{@code
 * clinic: riverside-mental-health
 * template: esketamine-trd-sample
 * templateVersion: ">=1.0.0 <2.0.0"
 * values:
 *   bp-reading-max-age: 1 h
 *   phq9-worsening-points: 5
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableClinicProfile.class)
@JsonDeserialize(builder = ClinicProfile.Builder.class)
public sealed interface ClinicProfile permits ImmutableClinicProfile {

  /** An opaque id or name of the clinic the profile belongs to (never a patient). */
  String clinic();

  /** The id of the template the profile is for. */
  String template();

  /**
   * The template versions the profile is for: an exact version ({@code 1.0.0}) or a range of
   * comparisons joined by spaces ({@code >=1.0.0 <2.0.0}, using {@code >=}, {@code >},
   * {@code <=}, {@code <} or {@code =}); absent for every version.
   */
  Optional<String> templateVersion();

  /** The value of each parameter the profile sets, by parameter name, in the parameter's text form. */
  @JsonSerialize(contentUsing = ScalarText.Serializer.class)
  @JsonDeserialize(contentUsing = ScalarText.Deserializer.class)
  Map<String, String> values();

  /** Notes for the people who review the profile, such as who approved the values and when. */
  Optional<String> notes();

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    StructuralChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClinicProfile}; {@code build()} reports every structural problem at once. */
  final class Builder extends ImmutableClinicProfile.Builder {
    public Builder() {}
  }
}
