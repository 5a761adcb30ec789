package org.kapsdk.core.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.course.CourseFixtures.COURSE;
import static org.kapsdk.core.course.CourseFixtures.RULES;
import static org.kapsdk.core.course.CourseFixtures.T0;
import static org.kapsdk.core.course.CourseFixtures.assertRejected;
import static org.kapsdk.core.course.CourseFixtures.scheduled;
import static org.kapsdk.core.course.CourseFixtures.started;
import static org.kapsdk.core.course.CourseFixtures.startedBuilder;
import static org.kapsdk.core.course.CourseFixtures.systolic;
import static org.kapsdk.core.course.CourseFixtures.t;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency: one winner per version, nothing lost, nothing duplicated. */
class InMemoryCourseStoreTest {

  @Test
  void create_storesTheStartedCourse() {
    InMemoryCourseStore store = new InMemoryCourseStore();

    CourseRecord created = store.create(started(), RULES);

    assertThat(created.version()).isEqualTo(1);
    assertThat(store.load(COURSE)).contains(created);
    assertThat(store.load("other")).isEmpty();
  }

  @Test
  void create_twice_isStale() {
    InMemoryCourseStore store = new InMemoryCourseStore();
    store.create(started(), RULES);

    assertThatThrownBy(() -> store.create(started(), RULES))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("a course with this id already exists (version 1); expected version 0, a new course");
  }

  @Test
  void create_withARefusedStart_storesNothing() {
    InMemoryCourseStore store = new InMemoryCourseStore();

    assertRejected(() -> store.create(startedBuilder().templateVersion("9.9.9").build(), RULES))
        .containsExactly(tuple("templateVersion", "names version 9.9.9, but the rules are compiled from version 1.0.0 of 'course-test'"));
    assertThat(store.load(COURSE)).isEmpty();
  }

  @Test
  void append_toAnUnknownCourse_isRefused() {
    InMemoryCourseStore store = new InMemoryCourseStore();

    assertThatThrownBy(() -> store.append("nope", 1, scheduled("s", "screen", T0), RULES))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no course with id 'nope'; create it first");
  }

  @Test
  void append_storesTheNewVersion() {
    InMemoryCourseStore store = new InMemoryCourseStore();
    store.create(started(), RULES);

    CourseRecord after = store.append(COURSE, 1, scheduled("screening/screen/1", "screen", t("1 h")), RULES);

    assertThat(after.version()).isEqualTo(2);
    assertThat(store.load(COURSE)).contains(after);
  }

  @Test
  void twoAppends_onTheSameVersion_oneWinsTheOtherIsStale() {
    InMemoryCourseStore store = new InMemoryCourseStore();
    store.create(started(), RULES);

    store.append(COURSE, 1, scheduled("screening/screen/1", "screen", t("1 h")), RULES);

    assertThatThrownBy(() -> store.append(COURSE, 1, scheduled("induction/dose/1", "dose", t("2 d")), RULES))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("stale course version: expected version 1, but the course is at version 2; reload it and decide again");
    assertThat(store.load(COURSE).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void rejectedAppend_storesNothing() {
    InMemoryCourseStore store = new InMemoryCourseStore();
    CourseRecord created = store.create(started(), RULES);

    assertRejected(() -> store.append(COURSE, 1, scheduled("x", "nope", t("1 h")), RULES)).hasSize(1);

    assertThat(store.load(COURSE)).contains(created);
  }

  @Test
  void racingClinicians_onOneVersion_exactlyOneWins() throws Exception {
    for (int round = 0; round < 50; round++) {
      InMemoryCourseStore store = new InMemoryCourseStore();
      store.create(started(), RULES);
      int threads = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicInteger wins = new AtomicInteger();
      AtomicInteger stale = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          go.await();
          try {
            store.append(COURSE, 1, systolic((120 + n) + " mmHg", t("1 h"), null), RULES);
            wins.incrementAndGet();
          } catch (StaleVersionException e) {
            stale.incrementAndGet();
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(wins.get()).isEqualTo(1);
      assertThat(stale.get()).isEqualTo(threads - 1);
      assertThat(store.load(COURSE).orElseThrow().version()).isEqualTo(2);
    }
  }

  @Test
  void manyThreadsRetryingOnStale_loseAndDuplicateNothing() throws Exception {
    InMemoryCourseStore store = new InMemoryCourseStore();
    store.create(started(), RULES);
    int threads = 8;
    int perThread = 200;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger staleRetries = new AtomicInteger();
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int thread = i;
      Callable<List<Long>> task = () -> {
        go.await();
        List<Long> myVersions = new ArrayList<>();
        for (int k = 0; k < perThread; k++) {
          String id = "s/" + thread + "/" + k;
          while (true) {
            CourseRecord current = store.load(COURSE).orElseThrow();
            try {
              CourseRecord after = store.append(COURSE, current.version(), scheduled(id, "screen", t("1 d")), RULES);
              myVersions.add(after.version());
              break;
            } catch (StaleVersionException e) {
              staleRetries.incrementAndGet();
            }
          }
        }
        return myVersions;
      };
      futures.add(pool.submit(task));
    }
    go.countDown();
    Set<Long> versions = new HashSet<>();
    for (Future<List<Long>> f : futures) {
      List<Long> mine = f.get(120, TimeUnit.SECONDS);
      assertThat(mine).hasSize(perThread).isSorted();
      versions.addAll(mine);
    }
    pool.shutdown();

    CourseRecord last = store.load(COURSE).orElseThrow();
    assertThat(last.version()).isEqualTo(1 + threads * perThread);
    assertThat(versions).hasSize(threads * perThread);
    assertThat(versions.stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(2);
    assertThat(versions.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(1 + threads * perThread);
    Set<String> ids = new HashSet<>();
    for (CourseEvent e : last.events().subList(1, last.events().size())) {
      assertThat(ids.add(((SessionScheduled) e).sessionId())).as("duplicate event").isTrue();
    }
    assertThat(ids).hasSize(threads * perThread);
    for (int thread = 0; thread < threads; thread++) {
      List<String> order = new ArrayList<>();
      for (String id : last.state(RULES).sessions().keySet()) {
        if (id.startsWith("s/" + thread + "/")) {
          order.add(id);
        }
      }
      List<String> expected = new ArrayList<>();
      for (int k = 0; k < perThread; k++) {
        expected.add("s/" + thread + "/" + k);
      }
      assertThat(order).as("thread %s's events in its own order", thread).isEqualTo(expected);
    }
    assertThat(CourseRecord.validated(RULES, COURSE, last.events())).isEqualTo(last);
  }
}
