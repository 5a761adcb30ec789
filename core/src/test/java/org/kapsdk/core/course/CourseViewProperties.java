package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.core.course.CourseFixtures.COURSE;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.SampleCourses.render;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of {@link CourseView} over courses the fixture template accepts
 * ({@link CourseSimulator}), compared through a text of every accessor since a view has no
 * equals: the view does not depend on how the state was folded, and a view of an earlier instant
 * is the view of the events recorded up to it.
 */
class CourseViewProperties {

  @Provide
  Arbitrary<List<CourseEvent>> validCourses() {
    return Arbitraries.randomValue(random -> CourseSimulator.course(random, 120));
  }

  @Property(tries = 100, shrinking = ShrinkingMode.OFF)
  void view_ofReplay_equalsViewOfAppendingEventsOneByOne(
      @ForAll("validCourses") List<CourseEvent> events, @ForAll @IntRange(min = 0, max = 100_000) int pick) {
    CourseRecord appended = CourseRecord.empty(COURSE);
    for (CourseEvent e : events) {
      appended = appended.append(appended.version(), e, RULES);
    }
    Instant last = events.get(events.size() - 1).at();
    Instant at = pick % 2 == 0 ? last.plus(Duration.ofMinutes(pick % 5000)) : events.get(pick % events.size()).at();

    String replayed = render(CourseView.of(CourseState.replay(RULES, events), at));

    assertThat(replayed).isEqualTo(render(CourseView.of(appended.state(RULES), at)));
  }

  /**
   * Cut the course after any event that follows the last event the state cannot date (a session
   * scheduled, the course paused, resumed or discontinued): what came after the cut must not show
   * in the view at the cut's instant.
   */
  @Property(tries = 100, shrinking = ShrinkingMode.OFF)
  void view_atAnEarlierInstant_equalsTheViewOfTheEventsRecordedUpToIt(
      @ForAll("validCourses") List<CourseEvent> events, @ForAll @IntRange(min = 0, max = 100_000) int pick) {
    int undated = 0;
    for (int i = 0; i < events.size(); i++) {
      CourseEvent e = events.get(i);
      if (e instanceof SessionScheduled || e instanceof CoursePaused || e instanceof CourseResumed
          || e instanceof CourseDiscontinued) {
        undated = i;
      }
    }
    int cut = undated + pick % (events.size() - undated);
    Instant at = events.get(cut).at();
    while (cut + 1 < events.size() && !events.get(cut + 1).at().isAfter(at)) {
      cut++;
    }

    String whole = render(CourseView.of(CourseState.replay(RULES, events), at));

    assertThat(whole).isEqualTo(render(CourseView.of(CourseState.replay(RULES, events.subList(0, cut + 1)), at)));
  }
}
