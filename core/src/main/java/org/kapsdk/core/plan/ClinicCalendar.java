package org.kapsdk.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * When the clinic sees patients: its time zone, the weekdays it is closed and the single dates
 * it is closed (holidays, closures). Sessions are planned only on open days; integration steps
 * prefer them. Both sets are kept sorted, so equal calendars always give the same JSON.
 *
 * <p>A calendar closed on all seven weekdays is refused: nothing could ever be planned.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableClinicCalendar.class)
@JsonDeserialize(builder = ClinicCalendar.Builder.class)
@JsonPropertyOrder({"zone", "closedWeekdays", "closedDates"})
public sealed interface ClinicCalendar permits ImmutableClinicCalendar {

  /** The clinic's time zone: every date of a plan is a date in this zone. */
  ZoneId zone();

  /** The weekdays the clinic is closed every week, for example SATURDAY and SUNDAY. */
  @Value.NaturalOrder
  SortedSet<DayOfWeek> closedWeekdays();

  /** Single dates the clinic is closed, for example public holidays. */
  @Value.NaturalOrder
  SortedSet<LocalDate> closedDates();

  /** Whether the clinic is open on the date: not a closed weekday and not a closed date. */
  default boolean isOpen(LocalDate date) {
    return !closedWeekdays().contains(date.getDayOfWeek()) && !closedDates().contains(date);
  }

  /** The clinic's date of an instant, for example of the moment a session was held. */
  default LocalDate dateOf(Instant instant) {
    return instant.atZone(zone()).toLocalDate();
  }

  /** A calendar open every day. */
  static ClinicCalendar open(ZoneId zone) {
    return builder().zone(zone).build();
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

  /** Builds a {@link ClinicCalendar}; {@code build()} refuses a calendar closed on every weekday. */
  final class Builder extends ImmutableClinicCalendar.Builder {
    public Builder() {}
  }
}
