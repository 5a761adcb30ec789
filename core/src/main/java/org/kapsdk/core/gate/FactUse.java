package org.kapsdk.core.gate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A fact a rule used: what it was, its value as text, and when it was measured or recorded. */
public final class FactUse {
  private final String label;
  private final Object raw;
  private final Instant at;
  private String text;

  /** Keeps the raw value and formats it only when asked: most verdicts are never read in full. */
  FactUse(String label, Object raw, Instant at) {
    this.label = label;
    this.raw = raw;
    this.at = at;
  }

  /** What the fact is, for example {@code Systolic blood pressure}. */
  public String label() {
    return label;
  }

  /** Its value as text, with its unit, for example {@code 152 mmHg}. */
  public String value() {
    String t = text;
    if (t == null) {
      t = raw instanceof java.time.Duration d ? org.kapsdk.core.internal.DurationText.format(d)
          : raw instanceof org.kapsdk.core.model.Code c ? org.kapsdk.core.model.Codes.nameOf(c)
          : String.valueOf(raw);
      text = t;
    }
    return t;
  }

  /** When it was measured or recorded, if it has a time. */
  public Optional<Instant> at() {
    return Optional.ofNullable(at);
  }

  @Override
  public String toString() {
    return label + " " + value() + (at == null ? "" : " at " + at);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FactUse f && label.equals(f.label) && value().equals(f.value()) && Objects.equals(at, f.at);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, value(), at);
  }
}
