package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int EVALUATIONS_PER_THREAD = 2_000;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void oneCompiledGate_manyThreads_everyVerdictEqualsTheSingleThreadedOne() throws Exception {
    SafetyGate gate = GateTesting.compile(GateRequests.template());
    List<GateRequest> requests = GateRequests.mix(GateTesting.T0);
    List<List<String>> expected = new ArrayList<>();
    for (GateRequest r : requests) {
      expected.add(GateTesting.content(gate.evaluate(r)));
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          List<String> mismatches = new ArrayList<>();
          for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
            int k = (i + offset) % requests.size();
            List<String> actual = GateTesting.content(gate.evaluate(requests.get(k)));
            if (!actual.equals(expected.get(k))) {
              mismatches.add("request " + k + ": " + actual);
            }
          }
          return mismatches;
        }));
      }
      start.countDown();
      List<String> mismatches = new ArrayList<>();
      for (Future<List<String>> f : results) {
        mismatches.addAll(f.get(30, TimeUnit.SECONDS));
      }

      assertThat(mismatches).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void mix_coversEveryVerdictOutcomeAndOverrides() {
    // Guards the concurrency test against a mix that would agree trivially.
    SafetyGate gate = GateTesting.compile(GateRequests.template());

    List<Verdict> verdicts = GateRequests.mix(GateTesting.T0).stream().map(gate::evaluate).toList();

    assertThat(verdicts).extracting(Verdict::outcome).contains(VerdictOutcome.PROCEED,
        VerdictOutcome.PROCEED_WITH_WARNINGS, VerdictOutcome.BLOCKED);
    assertThat(verdicts).flatExtracting(Verdict::findings).extracting(Finding::outcome)
        .contains(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.OVERRIDDEN);
  }
}
