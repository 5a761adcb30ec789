package org.kapsdk.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.lint.LintFixtures.findings;
import static org.kapsdk.core.lint.LintSeverity.ERROR;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.GroupSpec;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;

/** KAP-L027: a group dosing session must say how many participants it holds. */
class GroupRulesTest {
  private static final String INDUCTION = "phases[1].sessions[0]";

  @Test
  void l027_groupDosingSessionWithoutMaxParticipants_fires() {
    ProtocolTemplate broken = LintFixtures.withInduction(s -> s.group(GroupSpec.builder().minParticipants(3).build()));

    assertThat(findings(broken, "KAP-L027")).containsExactly(tuple(ERROR, INDUCTION + ".group",
        "group dosing session induction-dose sets no maxParticipants: nothing limits how many dosed participants the staff"
            + " must monitor at once"));
    assertThat(Linter.lint(broken).hasErrors()).isTrue();
  }

  @Test
  void l027_everyGroupDosingSession_isReported_includingAGroupThatSetsNoLimitAtAll() {
    ProtocolTemplate broken = LintFixtures.withDosing(s -> s.group(GroupSpec.builder().build()));

    assertThat(findings(broken, "KAP-L027")).extracting(t -> t.toList().get(1))
        .containsExactly(INDUCTION + ".group", "phases[2].sessions[0].group");
  }

  @Test
  void l027_fixed_withMaxParticipants_isQuiet() {
    ProtocolTemplate fixed = LintFixtures.withInduction(s -> s.group(GroupSpec.builder().minParticipants(3).maxParticipants(12).build()));

    assertThat(findings(fixed, "KAP-L027")).isEmpty();
    assertThat(Linter.lint(fixed).findings()).isEmpty();
  }

  @Test
  void l027_individualDosingSessions_areNotGroups() {
    assertThat(findings(LintFixtures.template().build(), "KAP-L027")).isEmpty();
  }

  @Test
  void l027_groupThatDoesNotDose_needsNoLimit() {
    SessionTemplate talkingGroup = SessionTemplate.builder().id("prep-group").kind(SessionKind.PREPARATION)
        .title("Preparation group").group(GroupSpec.builder().build()).build();
    Phase screening = LintFixtures.screeningPhase().addSession(talkingGroup).build();
    ProtocolTemplate template = LintFixtures.template()
        .phases(List.of(screening, LintFixtures.inductionPhase().build(), LintFixtures.maintenancePhase().build())).build();

    assertThat(findings(template, "KAP-L027")).isEmpty();
  }
}
