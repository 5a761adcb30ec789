package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void template_whenBuilt_hasNoStructuralProblems() {
    ProtocolTemplate template = Fixtures.template().build();

    assertThat(StructuralChecks.problemsOf(template)).isEmpty();
  }

  @Test
  void template_whenBuilt_holdsEveryPart() {
    ProtocolTemplate template = Fixtures.template().build();

    assertThat(template.phases()).extracting(Phase::id).containsExactly("screening", "induction");
    assertThat(template.sessions())
        .extracting(SessionTemplate::id)
        .containsExactly("screen", "dose", "follow-up");
    assertThat(template.eligibilityRules()).hasSize(7);
    assertThat(template.courseRules()).extracting(Rule::id).containsExactly("spacing", "weekly-dose");
    assertThat(template.evidence("rems")).map(Evidence::citation).contains("Spravato REMS");
  }

  @Test
  void template_whenBuilt_usesEveryConditionKind() {
    ProtocolTemplate template = Fixtures.template().build();
    Set<String> used = new TreeSet<>();
    template.rules().forEach(r -> collectKinds(r, used));
    template.sessions().forEach(s -> s.rules().forEach(r -> collectKinds(r, used)));
    template.sessions().forEach(
        s -> s.monitoring().flatMap(MonitoringPlan::endsWhen).ifPresent(c -> collectKinds(c, used)));

    assertThat(used).containsExactlyInAnyOrderElementsOf(ConditionKinds.names());
  }

  private static void collectKinds(Rule rule, Set<String> used) {
    rule.require().ifPresent(c -> collectKinds(c, used));
    rule.forbid().ifPresent(c -> collectKinds(c, used));
  }

  private static void collectKinds(Condition condition, Set<String> used) {
    used.add(condition.kindName());
    if (condition instanceof AllOf all) {
      all.conditions().forEach(c -> collectKinds(c, used));
    } else if (condition instanceof AnyOf any) {
      any.conditions().forEach(c -> collectKinds(c, used));
    } else if (condition instanceof Not not) {
      collectKinds(not.condition(), used);
    }
  }
}
