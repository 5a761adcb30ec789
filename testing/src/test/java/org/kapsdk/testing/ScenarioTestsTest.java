package org.kapsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class ScenarioTestsTest {

  @Test
  void dynamicTests_passingFile_oneSuccessfulTestPerScenario_andCoverageGapFails() {
    Events tests = run(PassingSuite.class);

    assertThat(tests.succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly("normal BP proceeds", "high BP blocks", "no BP reading blocks", "too much blocks");
    assertThat(tests.failed().list()).hasSize(1);
    assertThat(failureMessage(tests.failed().list().get(0)))
        .isEqualTo("uncovered rules in src/test/resources/scenarios/passing.yaml:\n"
            + "BLOCK rule dose#maxPerSession lacks a scenario with UNKNOWN");
  }

  @Test
  void dynamicTests_failingScenario_messageShowsExpectedAndActualPerRule() {
    Events tests = run(FailingSuite.class);

    assertThat(tests.failed().list()).hasSize(1);
    assertThat(failureMessage(tests.failed().list().get(0)))
        .isEqualTo("scenario 'expects a pass but the reading is high' in src/test/resources/scenarios/failing.yaml:\n"
            + "  verdict: expected PROCEED, got BLOCKED\n"
            + "  rule BP-PRE: expected PASS, got FAIL (Systolic 152 mmHg is above 140 mmHg)");
  }

  @Test
  void dynamicTests_missingFile_oneFailingTestNamingTheProblem() {
    Events tests = run(MissingSuite.class);

    assertThat(tests.failed().list()).hasSize(1);
    assertThat(failureMessage(tests.failed().list().get(0)))
        .isEqualTo("cannot run src/test/resources/scenarios/absent.yaml:\n"
            + "src/test/resources/scenarios/absent.yaml: file not found");
  }

  @Test
  void dynamicTests_suiteSplitOverTwoFiles_coverageMergedIntoOnePassingTest() {
    Events tests = run(SplitSuite.class);

    assertThat(tests.failed().list()).isEmpty();
    assertThat(tests.succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly("high BP blocks", "too much blocks", "no BP reading and no planned dose block",
            "BLOCK rule coverage of probe");
  }

  @Test
  void dynamicTests_oneHalfOfASplitSuite_coverageGapNamesTheFileRun() {
    Events tests = run(HalfSuite.class);

    assertThat(tests.failed().list()).hasSize(1);
    assertThat(failureMessage(tests.failed().list().get(0)))
        .isEqualTo("uncovered rules in src/test/resources/split/a-blocks.yaml:\n"
            + "BLOCK rule dose#maxPerSession lacks a scenario with UNKNOWN");
  }

  @Test
  void dynamicTests_folderWithoutScenarioFiles_oneFailingTestSayingSo() {
    Events tests = run(EmptySuite.class);

    assertThat(tests.failed().list()).hasSize(1);
    assertThat(failureMessage(tests.failed().list().get(0)))
        .isEqualTo("no scenario files (.yaml, .yml, .json) under src/test/resources/no-scenarios");
  }

  @Test
  void dynamicTests_fileNamingAProfile_resolvesTheProtocolWithIt() {
    Events tests = run(ProfileSuite.class);

    assertThat(tests.failed().list()).isEmpty();
    assertThat(tests.succeeded().list()).extracting(e -> e.getTestDescriptor().getDisplayName())
        .containsExactly("high BP blocks");
  }

  @Test
  void dynamicTests_withProfile_replacesTheProfileTheFileNames() {
    Events tests = run(OtherProfileSuite.class);

    assertThat(tests.failed().list()).hasSize(1);
    assertThat(failureMessage(tests.failed().list().get(0)))
        .startsWith("scenario 'high BP blocks' in src/test/resources/parameterised/scenarios/high-bp.yaml:\n"
            + "  verdict: expected BLOCKED, got PROCEED");
  }

  private static Events run(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
  }

  private static String failureMessage(Event event) {
    return event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow().getMessage();
  }

  static class PassingSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/scenarios/passing.yaml")).requireBlockRuleCoverage().dynamicTests();
    }
  }

  static class FailingSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/scenarios/failing.yaml")).dynamicTests();
    }
  }

  static class SplitSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/split/a-blocks.yaml"), Path.of("src/test/resources/split/b-unknown.yaml"))
          .requireBlockRuleCoverage().dynamicTests();
    }
  }

  static class HalfSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/split/a-blocks.yaml")).requireBlockRuleCoverage().dynamicTests();
    }
  }

  static class EmptySuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/no-scenarios")).requireBlockRuleCoverage().dynamicTests();
    }
  }

  static class ProfileSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/parameterised/scenarios")).dynamicTests();
    }
  }

  static class OtherProfileSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/parameterised/scenarios"))
          .withProfile(Path.of("src/test/resources/parameterised/profile-160.yaml")).dynamicTests();
    }
  }

  static class MissingSuite {
    @TestFactory
    Stream<DynamicNode> scenarios() {
      return ScenarioTests.of(Path.of("src/test/resources/scenarios/absent.yaml")).dynamicTests();
    }
  }

}
