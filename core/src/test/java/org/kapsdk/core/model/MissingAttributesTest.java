package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;

import org.junit.jupiter.api.Test;

/** Builders report every mandatory attribute that was not set, as one problem each. */
class MissingAttributesTest {

  private static final String MISSING = "is required but missing";

  @Test
  void ruleBuild_withNothingSet_listsEveryMandatoryAttribute() {
    assertProblems(() -> Rule.builder().build())
        .containsExactly(
            tuple("id", MISSING), tuple("severity", MISSING), tuple("gate", MISSING), tuple("message", MISSING));
  }

  @Test
  void ruleBuild_withOnlyIdSet_listsTheOthers() {
    assertProblems(() -> Rule.builder().id("r").message("m").build())
        .containsExactly(tuple("severity", MISSING), tuple("gate", MISSING));
  }

  @Test
  void templateBuild_withNothingSet_listsEveryMandatoryAttribute() {
    assertProblems(() -> ProtocolTemplate.builder().build())
        .containsExactly(
            tuple("id", MISSING), tuple("version", MISSING), tuple("title", MISSING), tuple("status", MISSING));
  }

  @Test
  void sessionBuild_withNothingSet_listsEveryMandatoryAttribute() {
    assertProblems(() -> SessionTemplate.builder().build())
        .containsExactly(tuple("id", MISSING), tuple("kind", MISSING), tuple("title", MISSING));
  }

  @Test
  void dosingBuild_withNothingSet_listsEveryMandatoryAttribute() {
    assertProblems(() -> DosingSpec.builder().build())
        .containsExactly(tuple("medication", MISSING), tuple("route", MISSING), tuple("dose", MISSING));
  }

  @Test
  void deviceDoseBuild_withOnlyDevicesSet_listsTheOthers() {
    assertProblems(() -> DeviceDose.builder().devices(2).build())
        .containsExactly(tuple("perDevice", MISSING), tuple("betweenDevices", MISSING));
  }

  @Test
  void notBuild_withoutCondition_listsCondition() {
    assertProblems(() -> Not.builder().build()).containsExactly(tuple("condition", MISSING));
  }

  @Test
  void codeBuild_withoutSystemAndCode_listsBoth() {
    assertProblems(() -> Code.builder().display("x").build())
        .containsExactly(tuple("system", MISSING), tuple("code", MISSING));
  }
}
