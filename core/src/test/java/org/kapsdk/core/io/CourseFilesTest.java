package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kapsdk.core.course.CourseEventTypes;
import org.kapsdk.core.course.CourseRecord;
import org.kapsdk.core.course.CourseRules;
import org.kapsdk.core.course.DoseAdministered;
import org.kapsdk.core.course.EventRejectedException;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.validation.ValidationException;

/** Course files: strict reading with file, line and column; exact, deterministic writing. */
class CourseFilesTest {
  private static final String TYPES = String.join(", ", CourseEventTypes.names());

  /** A small course on the template {@link #TEMPLATE}: started, screened, one dose session under way. */
  private static final String COURSE =
      """
      protocol: template.yaml
      courseId: course-0001
      events:
        - type: courseStarted
          at: 2026-01-05T14:00:00Z
          by: staff-01
          courseId: course-0001
          patientId: sample-patient-0001
          templateId: demo
          templateVersion: 1.0.0
          startDate: 2026-01-05
          zone: America/New_York
          closedWeekdays: [SATURDAY, SUNDAY]
        - type: sessionScheduled
          at: 2026-01-05T14:00:00Z
          sessionId: intake/dose/1
          template: dose
          scheduledFor: 2026-01-06T14:00:00Z
        - type: sessionStarted
          at: 2026-01-06T14:00:00Z
          sessionId: intake/dose/1
        - type: gateChecked
          at: 2026-01-06T14:05:00Z
          gate: PRE_DOSE
          sessionId: intake/dose/1
          outcome: PROCEED
        - type: doseAdministered
          at: 2026-01-06T14:10:00Z
          by: nurse-01
          sessionId: intake/dose/1
          amount: 28 mg
          route: INTRANASAL
          lot: LOT-1
          drawn: 28 mg
        - type: assessmentRecorded
          at: 2026-01-06T13:50:00Z
          result:
            instrument: PHQ9
            at: 2026-01-06T13:50:00Z
            items: [1, 1, 1, 1, 1, 1, 1, 1, 0]
          sessionId: intake/dose/1
      """;

  private static final String TEMPLATE =
      """
      id: demo
      version: 1.0.0
      title: Demo
      status: DRAFT
      indications:
        - {system: http://snomed.info/sct, code: "370143000"}
      phases:
        - id: intake
          title: Intake
          sessions:
            - id: dose
              kind: DOSING
              title: Dose
              dosing:
                medication: {system: urn:x, code: esketamine}
                route: INTRANASAL
                dose: {kind: devices, perDevice: 28 mg, devices: 2, betweenDevices: 5 min}
                maxPerSession: 84 mg
      """;

  private static CourseDocument read(String text) {
    return CourseFiles.read(text, DocumentFormat.YAML, "c.yaml");
  }

  /* --------------------------------------------------------------- reading */

  @Test
  void read_aCourseDocument_givesProtocolAndUnvalidatedRecord() {
    CourseDocument doc = read(COURSE);

    assertThat(doc.protocol()).isEqualTo("template.yaml");
    assertThat(doc.record().courseId()).isEqualTo("course-0001");
    assertThat(doc.record().version()).isEqualTo(6);
    assertThat(doc.record().events().get(4)).isInstanceOfSatisfying(DoseAdministered.class,
        d -> assertThat(d.amount()).isEqualTo(Quantity.parse("28 mg")));
  }

  @Test
  void read_andValidateAgainstTheTemplate() {
    CourseDocument doc = read(COURSE);
    CourseRules rules = CourseRules.compile(ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "template.yaml"));

    CourseRecord course = CourseRecord.validated(rules, doc.record().courseId(), doc.record().events());

    assertThat(course.state(rules).administrations()).hasSize(1);
  }

  @Test
  void validated_namesTheRefusedEventsIndex() {
    CourseDocument doc = read(COURSE.replace("amount: 28 mg", "amount: 112 mg").replace("drawn: 28 mg", "drawn: 112 mg"));
    CourseRules rules = CourseRules.compile(ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "template.yaml"));

    assertThatThrownBy(() -> CourseRecord.validated(rules, "course-0001", doc.record().events()))
        .isInstanceOf(EventRejectedException.class)
        .hasMessage("events[4].amount: brings the session total to 112 mg, above the dosing spec's maxPerSession of 84 mg");
  }

  @Test
  void read_withoutProtocol_isRefused() {
    assertThatThrownBy(() -> read(COURSE.replace("protocol: template.yaml\n", "")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:1:1: missing required field 'protocol': a template path relative to this file, or a built-in protocol id");
  }

  @Test
  void readRecord_acceptsADocumentWithOrWithoutProtocol() {
    CourseRecord withProtocol = CourseFiles.readRecord(COURSE, DocumentFormat.YAML, "c.yaml");
    CourseRecord without = CourseFiles.readRecord(COURSE.replace("protocol: template.yaml\n", ""), DocumentFormat.YAML, "c.yaml");

    assertThat(without).isEqualTo(withProtocol).isEqualTo(read(COURSE).record());
  }

  @Test
  void read_unknownField_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("    lot: LOT-1\n", "    lot: LOT-1\n    colour: blue\n")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("c.yaml:34:5: events[4].colour: unknown field 'colour'; expected one of ");
  }

  @Test
  void read_unknownType_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("type: sessionStarted", "type: sessionBegun")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:19:11: events[2]: unknown type 'sessionBegun'; expected one of " + TYPES);
  }

  @Test
  void read_missingType_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("  - type: sessionStarted\n    at:", "  - at:")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:19:5: events[2]: missing field 'type'; expected one of " + TYPES);
  }

  @Test
  void read_aNumberWhereAQuantityBelongs_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("amount: 28 mg", "amount: 28")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:31:13: events[4].amount: expected a quantity such as '56 mg'");
  }

  @Test
  void read_anUnknownUnit_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("amount: 28 mg", "amount: 28 mgs")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("c.yaml:31:13: events[4].amount: unknown unit 'mgs'; expected one of mg, mg/kg");
  }

  @Test
  void read_anUnknownEnumValue_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("outcome: PROCEED", "outcome: GO")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:26:14: events[3].outcome: 'GO' is not one of PROCEED, PROCEED_WITH_WARNINGS, BLOCKED");
  }

  @Test
  void read_anUnknownZone_isRefused() {
    assertThatThrownBy(() -> read(COURSE.replace("zone: America/New_York", "zone: America/Nowhere")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:12:11: events[0].zone: 'America/Nowhere' is not a time zone id such as America/New_York");
  }

  @Test
  void read_anInvalidDate_isRefused() {
    assertThatThrownBy(() -> read(COURSE.replace("startDate: 2026-01-05", "startDate: 2026-13-05")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:11:16: events[0].startDate: '2026-13-05' is not a date such as 2026-01-05");
  }

  @Test
  void read_aRelativeTime_isRefused() {
    assertThatThrownBy(() -> read(COURSE.replace("at: 2026-01-06T14:00:00Z", "at: T0")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:20:9: events[2].at: 'T0' is relative to a test clock, but this document has none; give an ISO-8601 instant");
  }

  @Test
  void read_aStructurallyInvalidEvent_isPlacedAtItsField() {
    assertThatThrownBy(() -> read(COURSE.replace("    sessionId: intake/dose/1\n    amount", "    sessionId: \" \"\n    amount")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:30:5: events[4].sessionId: must not be blank");
  }

  @Test
  void read_anAssessmentOutOfRange_isPlaced() {
    assertThatThrownBy(() -> read(COURSE.replace("items: [1, 1, 1, 1, 1, 1, 1, 1, 0]", "items: [1, 1, 7, 1, 1, 1, 1, 1, 0]")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("c.yaml:40:21: events[5].result.items[2]: must lie within the item range 0 to 3");
  }

  @Test
  void read_everyProblemAtOnce() {
    ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() -> read(COURSE
        .replace("    lot: LOT-1\n", "    lot: LOT-1\n    colour: blue\n")
        .replace("courseId: course-0001\nevents", "courseId: \" \"\nevents")));

    assertThat(e.problems()).extracting(p -> p.path()).containsExactly("courseId", "events[4].colour");
  }

  @Test
  void read_nullIsRefused() {
    assertThatThrownBy(() -> read(COURSE.replace("lot: LOT-1", "lot: null")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("events[4].lot: null is not allowed; leave the field out instead");
  }

  /* --------------------------------------------------------------- writing */

  @Test
  void write_isExactAndDeterministic_inYamlAndJson() {
    CourseDocument doc = read(COURSE);
    for (DocumentFormat format : DocumentFormat.values()) {
      String text = CourseFiles.write(doc, format);

      CourseDocument again = CourseFiles.read(text, format, "again");

      assertThat(again).isEqualTo(doc);
      assertThat(CourseFiles.write(again, format)).isEqualTo(text);
    }
  }

  @Test
  void write_textThatLooksLikeABase60Float_isQuotedAndReadsBack() {
    CourseDocument doc = read(COURSE.replace("lot: LOT-1", "lot: \"1:20:30.\""));

    String yaml = CourseFiles.write(doc, DocumentFormat.YAML);

    assertThat(yaml).contains("lot: \"1:20:30.\"");
    assertThat(CourseFiles.read(yaml, DocumentFormat.YAML, "again")).isEqualTo(doc);
  }

  @Test
  void write_aRecord_leavesOutTheProtocol() {
    CourseRecord record = read(COURSE).record();

    String yaml = CourseFiles.write(record, DocumentFormat.YAML);

    assertThat(yaml).startsWith("courseId: course-0001\nevents:\n  - type: courseStarted\n");
    assertThat(yaml).doesNotContain("protocol");
    assertThat(CourseFiles.readRecord(yaml, DocumentFormat.YAML, "r.yaml")).isEqualTo(record);
    assertThatThrownBy(() -> CourseFiles.read(yaml, DocumentFormat.YAML, "r.yaml"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("missing required field 'protocol'");
  }

  @Test
  void write_andRead_files(@TempDir Path dir) {
    CourseDocument doc = read(COURSE);
    Path yaml = dir.resolve("course.yaml");
    Path json = dir.resolve("course.json");
    Path record = dir.resolve("record.json");

    CourseFiles.write(doc, yaml);
    CourseFiles.write(doc, json);
    CourseFiles.write(doc.record(), record);

    assertThat(CourseFiles.read(yaml)).isEqualTo(doc);
    assertThat(CourseFiles.read(json)).isEqualTo(doc);
    assertThat(CourseFiles.readRecord(record)).isEqualTo(doc.record());
  }

  @Test
  void read_aMissingFile_isRefused(@TempDir Path dir) {
    Path missing = dir.resolve("none.yaml");

    assertThatThrownBy(() -> CourseFiles.read(missing)).isInstanceOf(ValidationException.class)
        .hasMessage(missing + ": file not found");
  }

  /* --------------------------------------------------------------- protocol */

  @Test
  void resolveProtocol_readsATemplateRelativeToTheCourseFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/t.yaml"), TEMPLATE);
    Path courses = Files.createDirectories(dir.resolve("courses"));
    CourseDocument doc = CourseDocument.of("../templates/t.yaml", read(COURSE).record());

    ProtocolTemplate template = CourseFiles.resolveProtocol(courses.resolve("c.yaml"), doc, id -> Optional.empty());

    assertThat(template.id()).isEqualTo("demo");
  }

  @Test
  void resolveProtocol_jsonAndYmlTemplates_areReadAsFiles_neverLookedUpAsIds(@TempDir Path dir) throws Exception {
    ProtocolTemplate expected = ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "t.yaml");
    Files.writeString(dir.resolve("t.json"), ProtocolFiles.write(expected, DocumentFormat.JSON));
    Files.writeString(dir.resolve("t.yml"), TEMPLATE);
    ProtocolTemplate decoy = ProtocolFiles.read(TEMPLATE.replace("version: 1.0.0", "version: 9.9.9"), DocumentFormat.YAML, "d.yaml");

    for (String protocol : java.util.List.of("t.json", "t.yml")) {
      CourseDocument doc = CourseDocument.of(protocol, read(COURSE).record());
      ProtocolTemplate template = CourseFiles.resolveProtocol(dir.resolve("c.yaml"), doc, id -> Optional.of(decoy));
      assertThat(template.version()).as(protocol).isEqualTo("1.0.0");
    }
  }

  @Test
  void resolveProtocol_looksUpABuiltInId() {
    ProtocolTemplate builtIn = ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "t.yaml");
    CourseDocument doc = CourseDocument.of("demo", read(COURSE).record());

    assertThat(CourseFiles.resolveProtocol(Path.of("c.yaml"), doc, id -> id.equals("demo") ? Optional.of(builtIn) : Optional.empty()))
        .isSameAs(builtIn);
    assertThatThrownBy(() -> CourseFiles.resolveProtocol(Path.of("c.yaml"), CourseDocument.of("nope", doc.record()),
        id -> Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("protocol: 'nope' is neither a template file (.yaml, .yml, .json) nor a built-in protocol id");
  }

  @Test
  void document_blankProtocol_isRefused() {
    assertThatThrownBy(() -> CourseDocument.of(" ", read(COURSE).record()))
        .isInstanceOf(ValidationException.class).hasMessage("protocol: must not be blank");
  }

  /* --------------------------------------------------------------- clinic profile */

  /** TEMPLATE with the number of devices left to the clinic. */
  private static final String PARAMETERISED = TEMPLATE.replace("devices: 2,", "devices: \"${devices}\",")
      + """
      parameters:
        - name: devices
          type: INTEGER
          description: Devices per dose.
          clinicPolicy: true
      """;

  private static final String PROFILE = "clinic: c1\ntemplate: demo\nvalues:\n  devices: 3\n";

  @Test
  void document_withProfile_roundTripsAndKeepsIt() {
    CourseDocument doc = CourseDocument.of("../templates/t.yaml", "../profiles/p.yaml", read(COURSE).record());

    String yaml = CourseFiles.write(doc, DocumentFormat.YAML);

    assertThat(yaml).contains("protocol: ../templates/t.yaml\nprofile: ../profiles/p.yaml\n");
    assertThat(read(yaml)).isEqualTo(doc);
    assertThat(read(yaml).profile()).hasValue("../profiles/p.yaml");
  }

  @Test
  void resolveProtocol_documentNamingAProfile_readsTheTemplateWithIt(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(dir.resolve("templates/t.yaml"), PARAMETERISED);
    Files.writeString(dir.resolve("profiles/p.yaml"), PROFILE);
    Path courses = Files.createDirectories(dir.resolve("courses"));
    CourseDocument doc = CourseDocument.of("../templates/t.yaml", "../profiles/p.yaml", read(COURSE).record());

    ProtocolTemplate template = CourseFiles.resolveProtocol(courses.resolve("c.yaml"), doc, id -> Optional.empty());

    assertThat(((org.kapsdk.core.model.DeviceDose) template.sessions().get(0).dosing().orElseThrow().dose()).devices())
        .isEqualTo(3);
    assertThatThrownBy(() -> CourseFiles.resolveProtocol(courses.resolve("c.yaml"),
        CourseDocument.of("../templates/t.yaml", read(COURSE).record()), id -> Optional.empty()))
        .isInstanceOf(UnsetParametersException.class);
  }

  @Test
  void resolveProtocol_profileGivenInPlaceOfTheDocuments_isUsedInstead(@TempDir Path dir) throws Exception {
    Path template = Files.writeString(dir.resolve("t.yaml"), PARAMETERISED);
    Path other = Files.writeString(dir.resolve("other.yaml"), PROFILE.replace("devices: 3", "devices: 2"));
    CourseDocument doc = CourseDocument.of("t.yaml", "missing-profile.yaml", read(COURSE).record());

    ProtocolTemplate resolved = CourseFiles.resolveProtocol(dir.resolve("c.yaml"), doc, other, id -> Optional.empty());

    assertThat(resolved.placeholders()).containsValue("devices");
    assertThat(template).exists();
  }

  @Test
  void resolveProtocol_resolvedTemplateWithAProfile_isRefusedAtTheProfile() {
    ProtocolTemplate builtIn = ProtocolFiles.read(TEMPLATE, DocumentFormat.YAML, "t.yaml");
    CourseDocument doc = CourseDocument.of("demo", "p.yaml", read(COURSE).record());

    assertThatThrownBy(() -> CourseFiles.resolveProtocol(Path.of("c.yaml"), doc, id -> Optional.of(builtIn)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("profile: protocol 'demo' is already resolved; a clinic profile cannot be applied to it");
  }

  @Test
  void resolveProtocol_catalogId_isResolvedWithTheDocumentsProfileRelativeToTheCourseFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(dir.resolve("profiles/p.yaml"), PROFILE);
    Path courses = Files.createDirectories(dir.resolve("courses"));
    ProtocolCatalog catalog = ProtocolCatalog.ofTexts(id -> id.equals("demo") ? Optional.of(PARAMETERISED) : Optional.empty());
    CourseDocument doc = CourseDocument.of("demo", "../profiles/p.yaml", read(COURSE).record());

    ProtocolTemplate template = CourseFiles.resolveProtocol(courses.resolve("c.yaml"), doc, catalog);

    assertThat(((org.kapsdk.core.model.DeviceDose) template.sessions().get(0).dosing().orElseThrow().dose()).devices())
        .isEqualTo(3);
    assertThatThrownBy(() -> CourseFiles.resolveProtocol(courses.resolve("c.yaml"), CourseDocument.of("demo", read(COURSE).record()), catalog))
        .isInstanceOf(UnsetParametersException.class)
        .hasMessageContaining("builtin:demo:");
  }

  @Test
  void document_blankProfile_isRefused() {
    assertThatThrownBy(() -> CourseDocument.of("t.yaml", " ", read(COURSE).record()))
        .isInstanceOf(ValidationException.class).hasMessage("profile: must not be blank");
    assertThatThrownBy(() -> read("protocol: t.yaml\nprofile: \"\"\n" + COURSE.substring(COURSE.indexOf("courseId:"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("profile: must not be blank");
  }
}
