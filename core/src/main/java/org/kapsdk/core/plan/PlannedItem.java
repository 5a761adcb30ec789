package org.kapsdk.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.SessionKind;

/**
 * One item of a course plan: a session, an integration step after a dosing session, or an
 * assessment at a session, with the date it is planned for and the window it may fall in.
 *
 * <p>The id is derived from the template and never random (see {@link #id()}), so the same item
 * has the same id in every plan and re-plan of a course.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePlannedItem.class)
@JsonDeserialize(builder = PlannedItem.Builder.class)
@JsonPropertyOrder({
  "id", "kind", "status", "phaseId", "sessionTemplateId", "sessionKind", "occurrence", "stepId",
  "instrument", "sessionItemId", "target", "earliest", "latest", "nominal", "required"
})
public sealed interface PlannedItem permits ImmutablePlannedItem {

  /**
   * The item's id: {@code <phaseId>/<sessionTemplateId>/<occurrence>} for a session (occurrence
   * from 1), {@code <session item id>/<stepId>} for an integration step, and
   * {@code <session item id>/<INSTRUMENT>} for an assessment, for example
   * {@code induction/induction-dose/3/PHQ9}.
   */
  String id();

  /** What the item is. */
  ItemKind kind();

  /** Where the session stands; always PLANNED for steps and assessments. */
  @Value.Default
  default ItemStatus status() {
    return ItemStatus.PLANNED;
  }

  /** The phase of the session. */
  String phaseId();

  /** The session template of the session. */
  String sessionTemplateId();

  /** The kind of the session (for a step or an assessment: of the session it belongs to). */
  SessionKind sessionKind();

  /** The session's occurrence, from 1 (for a step or an assessment: its session's). */
  int occurrence();

  /** The integration step's id; only on INTEGRATION_STEP items. */
  Optional<String> stepId();

  /** The assessment's instrument; only on ASSESSMENT items. */
  Optional<Instrument> instrument();

  /** The id of the session item a step or an assessment belongs to; absent on sessions. */
  Optional<String> sessionItemId();

  /**
   * The planned date, in the calendar's zone: for a session, the open day it is booked on (for a
   * held session, the day it was held); for a step, the first open day of its window, or the
   * window's first day when the clinic is closed throughout; for an assessment, its session's
   * date.
   */
  LocalDate target();

  /** The first day of the item's window. */
  LocalDate earliest();

  /**
   * The last day of the item's window: for a session, the last day its timing, its pattern and
   * its intervals from earlier sessions allow; for a step, its due date.
   */
  LocalDate latest();

  /**
   * For a session not planned on the date its timing or pattern gives (moved off a closed day or
   * to keep an interval), that date; for a held session, the date it was planned for.
   */
  Optional<LocalDate> nominal();

  /** Whether the item is required; sessions always are. */
  boolean required();

  /** The id of the n-th session (from 1) of a session template in a phase. */
  static String sessionId(String phaseId, String sessionTemplateId, int occurrence) {
    return phaseId + "/" + sessionTemplateId + "/" + occurrence;
  }

  /** The id of an integration step of a session item. */
  static String stepId(String sessionItemId, String stepId) {
    return sessionItemId + "/" + stepId;
  }

  /** The id of an assessment at a session item. */
  static String assessmentId(String sessionItemId, Instrument instrument) {
    return sessionItemId + "/" + instrument.name();
  }

  /** Structural check run by the builder; throws {@link org.kapsdk.core.validation.ValidationException}. */
  @Value.Check
  default void checkStructure() {
    PlanChecks.check(this);
  }

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlannedItem}; {@code build()} checks the id and the kind's fields. */
  final class Builder extends ImmutablePlannedItem.Builder {
    public Builder() {}
  }
}
