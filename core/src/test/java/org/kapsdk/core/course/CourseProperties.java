package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.course.CourseFixtures.COURSE;
import static org.kapsdk.core.course.CourseFixtures.RULES;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.kapsdk.core.io.CourseDocument;
import org.kapsdk.core.io.CourseFiles;
import org.kapsdk.core.io.DocumentFormat;

/**
 * Invariants of the course record over generated event lists: replaying equals folding
 * {@link CourseState#apply} one by one equals appending one by one through
 * {@link CourseRecord#append}; and course files round-trip exactly in YAML and JSON.
 */
class CourseProperties {

  @Provide
  Arbitrary<List<CourseEvent>> validCourses() {
    return Arbitraries.randomValue(random -> CourseSimulator.course(random, 120));
  }

  @Provide
  Arbitrary<CourseRecord> anyRecords() {
    return Arbitraries.randomValue(random -> CourseRecord.unvalidated(RandomEvents.courseId(random), RandomEvents.events(random, 40)));
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void replay_equalsFoldingApply_equalsAppendingOneByOne(@ForAll("validCourses") List<CourseEvent> events) {
    CourseState folded = CourseState.initial(RULES);
    CourseRecord appended = CourseRecord.empty(COURSE);
    for (CourseEvent e : events) {
      folded = folded.apply(e);
      appended = appended.append(appended.version(), e, RULES);
    }

    CourseState replayed = CourseState.replay(RULES, events);

    assertThat(replayed).isEqualTo(folded).hasSameHashCodeAs(folded);
    assertThat(appended.state(RULES)).isEqualTo(replayed);
    assertThat(CourseState.replay(RULES, appended.events())).isEqualTo(replayed);
    assertThat(appended.version()).isEqualTo(events.size());
    assertThat(CourseRecord.validated(RULES, COURSE, events)).isEqualTo(appended);
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void replay_ofAnyEvents_equalsFoldingApply(@ForAll("anyRecords") CourseRecord record) {
    CourseState folded = CourseState.initial(RULES);
    for (CourseEvent e : record.events()) {
      folded = folded.apply(e);
    }

    assertThat(CourseState.replay(RULES, record.events())).isEqualTo(folded);
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void files_roundTripExactly(@ForAll("anyRecords") CourseRecord record) {
    CourseDocument document = CourseDocument.of("../templates/any.yaml", record);
    for (DocumentFormat format : DocumentFormat.values()) {
      String recordText = CourseFiles.write(record, format);
      String documentText = CourseFiles.write(document, format);

      CourseRecord recordAgain = CourseFiles.readRecord(recordText, format, "<record>");
      CourseDocument documentAgain = CourseFiles.read(documentText, format, "<document>");

      assertThat(recordAgain).as(recordText).isEqualTo(record);
      assertThat(recordAgain.events()).isEqualTo(record.events());
      assertThat(documentAgain).as(documentText).isEqualTo(document);
      assertThat(CourseFiles.write(recordAgain, format)).isEqualTo(recordText);
      assertThat(CourseFiles.write(documentAgain, format)).isEqualTo(documentText);
    }
  }

  @Property(tries = 100, shrinking = ShrinkingMode.OFF)
  void files_roundTripValidCourses(@ForAll("validCourses") List<CourseEvent> events) {
    CourseRecord record = CourseRecord.unvalidated(COURSE, events);
    for (DocumentFormat format : DocumentFormat.values()) {
      CourseRecord again = CourseFiles.readRecord(CourseFiles.write(record, format), format, "<record>");

      assertThat(again).isEqualTo(record);
      assertThat(CourseRecord.validated(RULES, COURSE, again.events()).state(RULES)).isEqualTo(record.state(RULES));
    }
  }
}
