package org.kapsdk.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapsdk.core.gate.ClinicianOverride;
import org.kapsdk.core.internal.DocumentCodec;
import org.kapsdk.core.validation.Problem;

/**
 * Reads the {@code --override FILE} of {@code kapsdk check}: a YAML or JSON document whose one
 * field, {@code overrides}, lists clinician overrides exactly as scenario files write them:
 *
 * <pre>
 * overrides:
 *   - ruleId: BP-PRE
 *     clinicianId: c-17
 *     role: prescriber
 *     reason: Reading repeated after rest; patient known to run high in clinic
 *     at: T0-2m
 *     session: s1
 * </pre>
 *
 * <p>Reading is as strict as for templates and facts (unknown fields, duplicate keys, nulls and
 * blank fields are errors, every problem with its line and column), and times may be ISO-8601
 * instants or relative to the evaluation instant ({@code T0-2m}).
 */
final class OverrideFiles {
  private static final DocumentCodec<Holder> CODEC =
      new DocumentCodec<>(Holder.class, "a list of clinician overrides", OverrideFiles::problemsOf);

  private OverrideFiles() {}

  /**
   * Reads an overrides file whose relative times refer to {@code t0}.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem
   */
  static List<ClinicianOverride> read(Path file, Instant t0) {
    List<ClinicianOverride> overrides = CODEC.readAt(file, t0).overrides;
    return overrides == null ? List.of() : overrides;
  }

  private static List<Problem> problemsOf(Holder holder) {
    return holder.overrides == null
        ? List.of(Problem.at("overrides", "is required: list the overrides under 'overrides:'"))
        : List.of();
  }

  /** The document's root: {@code {overrides: [...]}}. */
  static final class Holder {
    /** Null until the document sets it, so that a missing field can be reported. */
    @Nullable List<ClinicianOverride> overrides;

    Holder() {}

    @JsonProperty("overrides")
    void setOverrides(List<ClinicianOverride> overrides) {
      this.overrides = List.copyOf(overrides);
    }
  }
}
