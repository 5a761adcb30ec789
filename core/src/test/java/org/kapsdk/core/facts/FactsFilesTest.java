package org.kapsdk.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.internal.RelativeInstants;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.ValidationException;

class FactsFilesTest {
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final String PATIENT = "pt-secret-42";

  /** A facts file whose times are relative to T0, except one ISO instant; line numbers matter. */
  private static final String YAML = String.join("\n",
      "patientId: " + PATIENT,                                                                      // 1
      "ageYears: 44",                                                                               // 2
      "pregnancy: NEITHER",                                                                         // 3
      "conditions: {reviewedAt: T0-1d, codes: [{system: 'http://snomed.info/sct', code: '370143000'}]}", // 4
      "medications: {reconciledAt: '2026-01-04T10:00:00Z', codes: []}",                             // 5
      "observations:",                                                                              // 6
      "  - {code: {system: 'http://loinc.org', code: 8480-6}, value: 152 mmHg, at: T0-40m}",          // 7
      "  - {code: {system: 'http://loinc.org', code: 29463-7}, value: 176 lb, at: T0-1d+2h}",         // 8
      "assessments:",                                                                               // 9
      "  - {instrument: PHQ9, at: T0, items: [0, 0, 0, 0, 0, 0, 0, 0, 1]}",                          // 10
      "attestations:",                                                                              // 11
      "  - {key: last-food, recordedAt: T0 - 10 min, instant: T0-3h}",                              // 12
      "sessions:",                                                                                  // 13
      "  - id: s-1",                                                                                // 14
      "    template: dose",                                                                         // 15
      "    start: T0-1wk",                                                                          // 16
      "    end: T0-1wk+2h",                                                                         // 17
      "    administrations:",                                                                       // 18
      "      - {at: T0-1wk+5min, amount: 56 mg}",                                                   // 19
      "  - {id: s-2, template: dose, start: T0-30m}",                                               // 20
      "");

  private static final String JSON = String.join("\n",
      "{",
      "  \"patientId\": \"" + PATIENT + "\",",
      "  \"observations\": [",
      "    {\"code\": {\"system\": \"http://loinc.org\", \"code\": \"8480-6\"}, \"value\": \"152 mmHg\", \"at\": \"T0-40m\"}",
      "  ],",
      "  \"sessions\": [{\"id\": \"s-1\", \"template\": \"dose\", \"start\": \"2026-01-05T08:30:00Z\"}]",
      "}",
      "");

  private static PatientFacts yaml(String text) {
    return FactsFiles.read(text, DocumentFormat.YAML, "facts.yaml", T0);
  }

  private static Instant t0(String offset) {
    return T0.plus(Duration.parse(offset));
  }

  @Test
  void yaml_relativeTimes_areResolvedAgainstT0() {
    PatientFacts f = yaml(YAML);

    assertThat(f.observations()).extracting(Observation::at).containsExactly(t0("-PT40M"), t0("-P1DT-2H"));
    assertThat(f.assessments()).extracting(AssessmentResult::at).containsExactly(T0);
    assertThat(f.conditions().orElseThrow().reviewedAt()).isEqualTo(t0("-P1D"));
    assertThat(f.attestations().get(0).recordedAt()).isEqualTo(t0("-PT10M"));
    assertThat(f.attestations().get(0).instant()).contains(t0("-PT3H"));
  }

  @Test
  void yaml_weeksAndCombinedSteps_areResolved() {
    SessionRecord s = yaml(YAML).sessions().get(0);

    assertThat(s.start()).isEqualTo(t0("-P7D"));
    assertThat(s.end()).contains(t0("-P7D").plus(Duration.ofHours(2)));
    assertThat(s.administrations().get(0).at()).isEqualTo(t0("-P7D").plus(Duration.ofMinutes(5)));
  }

  @Test
  void yaml_isoInstant_isReadAsIs() {
    assertThat(yaml(YAML).medications().orElseThrow().reconciledAt()).isEqualTo(Instant.parse("2026-01-04T10:00:00Z"));
  }

  @Test
  void yaml_valuesAndCodes_areRead() {
    PatientFacts f = yaml(YAML);

    assertThat(f.ageYears()).contains(44);
    assertThat(f.pregnancy()).contains(PregnancyStatus.NEITHER);
    assertThat(f.observations().get(1).value()).isEqualTo(Quantity.parse("176 lb"));
    assertThat(f.observations().get(0).code().sameConcept(Codes.SYSTOLIC_BP)).isTrue();
    assertThat(f.assessments().get(0).instrument()).isEqualTo(Instrument.PHQ9);
    assertThat(f.medications().orElseThrow().codes()).isEmpty();
    assertThat(f.sessions()).extracting(SessionRecord::id).containsExactly("s-1", "s-2");
  }

  @Test
  void yaml_readingsAtOtherT0_shiftWithIt() {
    Instant other = Instant.parse("2031-06-01T12:00:00Z");

    PatientFacts f = FactsFiles.read(YAML, DocumentFormat.YAML, "facts.yaml", other);

    assertThat(f.observations().get(0).at()).isEqualTo(other.minus(Duration.ofMinutes(40)));
    assertThat(f.medications().orElseThrow().reconciledAt()).isEqualTo(Instant.parse("2026-01-04T10:00:00Z"));
  }

  @Test
  void json_relativeAndIsoTimes_areRead() {
    PatientFacts f = FactsFiles.read(JSON, DocumentFormat.JSON, "facts.json", T0);

    assertThat(f.observations()).extracting(Observation::at).containsExactly(t0("-PT40M"));
    assertThat(f.sessions()).extracting(SessionRecord::start).containsExactly(Instant.parse("2026-01-05T08:30:00Z"));
  }

  @Test
  void file_readFromDisk_resolvesRelativeTimes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("facts.yaml");
    Files.writeString(file, YAML);

    assertThat(FactsFiles.read(file, T0)).isEqualTo(yaml(YAML));
  }

  @Test
  void write_thenRead_givesEqualFacts() {
    PatientFacts f = yaml(YAML);

    assertThat(FactsFiles.read(FactsFiles.write(f, DocumentFormat.JSON), DocumentFormat.JSON, "w.json", T0)).isEqualTo(f);
  }

  @Test
  void write_usesAbsoluteInstants() {
    assertThat(FactsFiles.write(yaml(YAML), DocumentFormat.YAML)).contains("2026-01-05T08:20:00Z").doesNotContainPattern("T0 *[-+]");
  }

  @Test
  void unknownField_isReportedWithFileLineAndColumn() {
    assertThatThrownBy(() -> yaml(YAML.replace("ageYears: 44", "ageYears: 44\nfavouriteColour: blue")))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.yaml:3:1: favouriteColour: unknown field 'favouriteColour'; expected one of ageYears, "
            + "assessments, attestations, conditions, medications, observations, patientId, pregnancy, sessions");
  }

  @Test
  void unknownFieldInJson_isReportedWithFileLineAndColumn() {
    assertThatThrownBy(() -> FactsFiles.read(JSON.replace("\"observations\"", "\"age\": 4, \"observations\""),
            DocumentFormat.JSON, "facts.json", T0))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.json:3:3: age: unknown field 'age'; expected one of ageYears, "
            + "assessments, attestations, conditions, medications, observations, patientId, pregnancy, sessions");
  }

  @Test
  void badTime_isReportedWithFileLineAndColumn() {
    assertThatThrownBy(() -> yaml(YAML.replace("at: T0-40m", "at: yesterday")))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.yaml:7:77: observations[0].at: 'yesterday' is not a time; expected an ISO-8601 instant such as "
            + "2026-01-05T09:00:00Z, or a time relative to the test clock such as T0, T0+40m, T0-1d");
  }

  @Test
  void relativeTimeWithUnknownUnit_isRefused() {
    assertThatThrownBy(() -> yaml(YAML.replace("at: T0-40m", "at: T0-40y")))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.yaml:7:77: observations[0].at: 'T0-40y' is not a time; expected an ISO-8601 instant such as "
            + "2026-01-05T09:00:00Z, or a time relative to the test clock such as T0, T0+40m, T0-1d");
  }

  @Test
  void relativeTime_withoutClock_isRefused() {
    // FactsFiles always supplies T0; the parser itself refuses a relative time without a clock.
    assertThatThrownBy(() -> RelativeInstants.parse("T0-40m", null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("'T0-40m' is relative to a test clock, but this document has none; give an ISO-8601 instant");
  }

  @Test
  void assessmentItemOutOfRange_isReportedAtTheItem() {
    assertThatThrownBy(() -> yaml(YAML.replace("0, 0, 0, 0, 0, 0, 0, 0, 1]", "0, 0, 0, 0, 0, 0, 0, 0, 4]")))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.yaml:10:64: assessments[0].items[8]: must lie within the item range 0 to 3");
  }

  @Test
  void duplicateSessionIds_areReportedAtTheSecond() {
    assertThatThrownBy(() -> yaml(YAML.replace("id: s-2", "id: s-1")))
        .isExactlyInstanceOf(ValidationException.class)
        .hasMessage("facts.yaml:20:6: sessions[1].id: duplicate session id 's-1'");
  }

  @Test
  void blankCodes_areReportedAtTheCodeWhereverTheyAppear() {
    // A blank code matches no code set, so a contraindication written with one would look absent.
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> yaml(YAML.replace("code: '370143000'", "code: ' '")
            .replace("system: 'http://loinc.org', code: 8480-6", "system: '', code: 8480-6")
            .replace("reconciledAt: '2026-01-04T10:00:00Z', codes: []",
                "reconciledAt: '2026-01-04T10:00:00Z', codes: [{system: 'urn:x', code: ''}]")));

    assertThat(e.getMessage()).isEqualTo("3 problems:\n"
        + "  facts.yaml:4:76: conditions.codes[0].code: must not be blank\n"
        + "  facts.yaml:5:79: medications.codes[0].code: must not be blank\n"
        + "  facts.yaml:7:13: observations[0].code.system: must not be blank");
  }

  @Test
  void severalProblems_areReportedTogetherInDocumentOrder() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> yaml(YAML.replace("id: s-2", "id: s-1").replace("ageYears: 44", "ageYears: 200")));

    assertThat(e.getMessage()).isEqualTo("2 problems:\n"
        + "  facts.yaml:2:1: ageYears: must be between 0 and 130\n"
        + "  facts.yaml:20:6: sessions[1].id: duplicate session id 's-1'");
  }

  @Test
  void errorMessages_neverContainThePatientId() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> yaml(YAML.replace("id: s-2", "id: s-1").replace("at: T0-40m", "at: yesterday")));

    assertThat(e.getMessage()).doesNotContain(PATIENT);
  }

  @Test
  void toStringOfReadFacts_neverContainsThePatientId() {
    assertThat(yaml(YAML).toString()).doesNotContain(PATIENT);
  }
}
