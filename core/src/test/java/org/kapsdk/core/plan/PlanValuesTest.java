package org.kapsdk.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.PlanFiles;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** The structural checks and JSON of the plan values. */
class PlanValuesTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

  private static PlannedItem.Builder session(int occurrence, LocalDate date) {
    return PlannedItem.builder()
        .id(PlannedItem.sessionId("induction", "dose", occurrence))
        .kind(ItemKind.SESSION)
        .phaseId("induction")
        .sessionTemplateId("dose")
        .sessionKind(SessionKind.DOSING)
        .occurrence(occurrence)
        .target(date)
        .earliest(date)
        .latest(date.plusDays(2))
        .required(true);
  }

  private static CoursePlan.Builder plan() {
    return CoursePlan.builder()
        .templateId("t")
        .templateVersion("1.0.0")
        .start(MONDAY)
        .horizonEnd(MONDAY.plusWeeks(26))
        .calendar(ClinicCalendar.open(ZoneId.of("UTC")));
  }

  /* ------------------------------------------------------------------ calendar */

  @Test
  void clinicCalendar_allSevenWeekdaysClosed_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ClinicCalendar.builder().zone(ZoneId.of("UTC")).addClosedWeekdays(DayOfWeek.values()).build());

    assertThat(e).hasMessage("closedWeekdays: all seven weekdays are closed; the clinic must be open on at least"
        + " one weekday");
  }

  @Test
  void clinicCalendar_isOpen_falseOnClosedWeekdaysAndClosedDates() {
    ClinicCalendar c = PlanTemplates.weekendsClosed(LocalDate.of(2026, 1, 7));

    assertThat(c.isOpen(MONDAY)).isTrue();
    assertThat(c.isOpen(LocalDate.of(2026, 1, 7))).isFalse();
    assertThat(c.isOpen(LocalDate.of(2026, 1, 10))).isFalse();
    assertThat(ClinicCalendar.open(ZoneId.of("UTC")).isOpen(LocalDate.of(2026, 1, 10))).isTrue();
  }

  @Test
  void clinicCalendar_dateOf_usesTheClinicZone() {
    ClinicCalendar c = ClinicCalendar.open(ZoneId.of("America/New_York"));

    assertThat(c.dateOf(Instant.parse("2026-01-06T03:00:00Z"))).isEqualTo(MONDAY);
  }

  @Test
  void clinicCalendar_builtInAnyOrder_givesEqualValuesAndTheSameJson() {
    ClinicCalendar a = ClinicCalendar.builder().zone(ZoneId.of("UTC"))
        .addClosedWeekdays(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY)
        .addClosedDates(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)).build();
    ClinicCalendar b = ClinicCalendar.builder().zone(ZoneId.of("UTC"))
        .addClosedWeekdays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
        .addClosedDates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)).build();

    assertThat(a).isEqualTo(b);
    assertThat(PlanFiles.write(plan().calendar(a).build(), DocumentFormat.JSON))
        .isEqualTo(PlanFiles.write(plan().calendar(b).build(), DocumentFormat.JSON));
    assertThat(a.closedWeekdays()).containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  /* ------------------------------------------------------------------ options */

  @Test
  void planOptions_default_isTwentySixWeeks() {
    assertThat(PlanOptions.defaults().horizon()).isEqualTo(Duration.ofDays(182));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 3_600, 86_400L * 7 * 521})
  void planOptions_horizonOutOfRangeOrNotWholeDays_isRefused(long seconds) {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> PlanOptions.builder().horizon(Duration.ofSeconds(seconds)).build());

    assertThat(e.problems()).extracting(Problem::path).containsExactly("horizon");
  }

  /* ------------------------------------------------------------------ items */

  @Test
  void plannedItem_idNotDerivedFromItsFields_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session(1, MONDAY).id("induction/dose/2").build());

    assertThat(e).hasMessage("id: 'induction/dose/2' does not match the item's fields; expected 'induction/dose/1'");
  }

  @Test
  void plannedItem_plannedTargetOutsideItsWindow_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session(1, MONDAY).target(MONDAY.plusDays(5)).build());

    assertThat(e).hasMessage("target: target 2026-01-10 is outside the window 2026-01-05 to 2026-01-07");
  }

  @Test
  void plannedItem_heldTargetOutsideItsWindow_isAccepted() {
    PlannedItem held = session(1, MONDAY).status(ItemStatus.HELD).target(MONDAY.plusDays(5)).build();

    assertThat(held.target()).isEqualTo(MONDAY.plusDays(5));
  }

  @Test
  void plannedItem_assessmentWithoutSessionOrInstrument_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> session(1, MONDAY)
        .id("induction/dose/1/PHQ9").kind(ItemKind.ASSESSMENT).required(false).build());

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
        tuple("instrument", "is required on this kind of item"),
        tuple("sessionItemId", "is required on this kind of item"));
  }

  @Test
  void plannedItem_ids_followTheDocumentedForm() {
    String session = PlannedItem.sessionId("induction", "induction-dose", 3);

    assertThat(session).isEqualTo("induction/induction-dose/3");
    assertThat(PlannedItem.stepId(session, "rems-pmf")).isEqualTo("induction/induction-dose/3/rems-pmf");
    assertThat(PlannedItem.assessmentId(session, Instrument.CSSRS_SCREENER))
        .isEqualTo("induction/induction-dose/3/CSSRS_SCREENER");
  }

  /* ------------------------------------------------------------------ plans */

  @Test
  void coursePlan_itemsOutOfDateOrderOrDuplicated_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> plan()
        .addItems(session(2, MONDAY.plusDays(3)).build(), session(1, MONDAY).build(), session(1, MONDAY).build())
        .build());

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
        tuple("items[1].target", "items must be in date order; 2026-01-05 follows 2026-01-08"),
        tuple("items[2].id", "duplicate item id 'induction/dose/1' (first used at items[1])"));
  }

  @Test
  void coursePlan_stepOfAnUnknownSession_isRefused() {
    PlannedItem step = session(1, MONDAY).id("induction/dose/1/form").kind(ItemKind.INTEGRATION_STEP)
        .stepId("form").sessionItemId("induction/dose/1").build();

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> plan().addItems(step).build());

    assertThat(e).hasMessage("items[0].sessionItemId: refers to session item 'induction/dose/1', which the plan"
        + " does not hold");
  }

  @Test
  void coursePlan_itemAndSessions_findItemsById() {
    PlannedItem first = session(1, MONDAY).build();
    PlannedItem step = session(1, MONDAY).id("induction/dose/1/form").kind(ItemKind.INTEGRATION_STEP)
        .stepId("form").sessionItemId("induction/dose/1").build();
    CoursePlan p = plan().addItems(first, step).build();

    assertThat(p.item("induction/dose/1/form")).contains(step);
    assertThat(p.item("induction/dose/9")).isEmpty();
    assertThat(p.sessions()).containsExactly(first);
  }

  @Test
  void planFiles_unknownField_isRefusedWithLineAndColumn() {
    String json = PlanFiles.write(plan().build(), DocumentFormat.JSON)
        .replace("\"horizonEnd\"", "\"begin\" : \"2026-01-05\",\n  \"horizonEnd\"");

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> PlanFiles.read(json, DocumentFormat.JSON, "plan.json"));

    assertThat(e).hasMessageStartingWith("plan.json:5:3: begin: ");
  }

  @Test
  void planChange_addedWithAFromDate_isRefused() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> PlanChange.builder()
        .itemId("x").kind(ChangeKind.ADDED).from(MONDAY).to(MONDAY).reason("added").build());

    assertThat(e).hasMessage("an ADDED change has a 'to' date and no 'from' date");
  }
}
