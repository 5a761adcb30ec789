package org.kapsdk.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.PregnancyStatus;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.validation.ValidationException;

class FixturesTest {
  private static final String FIXTURES = String.join("\n",
      "protocol: kit.yaml",
      "fixtures:",
      "  base:",
      "    patientId: p-1",
      "    ageYears: 45",
      "    pregnancy: NEITHER",
      "    conditions: {reviewedAt: T0-1d, codes: [{system: 'urn:c', code: a}]}",
      "    medications: {reconciledAt: T0-1d, codes: [{system: 'urn:m', code: x}]}",
      "    observations: [{code: {system: http://loinc.org, code: 8480-6}, value: 128 mmHg, at: T0-5m}]",
      "    assessments: [{instrument: PHQ9, at: T0-1d, total: 10}]",
      "    attestations: [{key: enrolled, recordedAt: T0-7d}]",
      "    sessions: [{id: s1, template: dose, start: T0-10m}]",
      "  middle:",
      "    extends: base",
      "    ageYears: 50",
      "    observations: [{code: {system: http://loinc.org, code: 8480-6}, value: 132 mmHg, at: T0-2m}]",
      "  top:",
      "    extends: middle",
      "    remove: [SESSIONS]",
      "    sessions: [{id: s2, template: dose, start: T0-1m}]",
      "  anonymous:",
      "    ageYears: 30",
      "scenarios:",
      "  - {name: n, gate: ELIGIBILITY, facts: {patientId: p}, expect: {verdict: PROCEED}}",
      "");

  private static final ScenarioFile FILE = ScenarioFiles.read(FIXTURES, DocumentFormat.YAML, "f.yaml");

  private static FactsPatch patch(String yaml) {
    String text = "protocol: kit.yaml\nscenarios:\n  - {name: n, gate: ELIGIBILITY, facts: " + yaml + ", expect: {verdict: PROCEED}}\n";
    return ScenarioFiles.read(text, DocumentFormat.YAML, "p.yaml").scenarios().get(0).facts();
  }

  private static PatientFacts resolve(String yaml) {
    return Fixtures.resolve(FILE.fixtures(), patch(yaml), "scenarios[0].facts");
  }

  @Test
  void resolve_extendsAChain_scalarsOfTheNearestPatchWinAndListsAppendInChainOrder() {
    PatientFacts facts = resolve("{extends: middle}");

    assertThat(facts.patientId()).isEqualTo("p-1");
    assertThat(facts.ageYears()).contains(50);
    assertThat(facts.pregnancy()).contains(PregnancyStatus.NEITHER);
    assertThat(facts.observations()).extracting(o -> o.value().toString()).containsExactly("128 mmHg", "132 mmHg");
    assertThat(facts.sessions()).extracting(s -> s.id()).containsExactly("s1");
  }

  @Test
  void resolve_threeLevelChainWithRemove_clearsTheInheritedListBeforeAddingItsOwn() {
    PatientFacts facts = resolve("{extends: top}");

    assertThat(facts.sessions()).extracting(s -> s.id()).containsExactly("s2");
    assertThat(facts.observations()).hasSize(2);
    assertThat(facts.ageYears()).contains(50);
  }

  @Test
  void resolve_scenarioPatch_appendsToListsAndReplacesScalarsAndCodeLists() {
    PatientFacts facts = resolve("{extends: base, ageYears: 22, pregnancy: PREGNANT,"
        + " conditions: {reviewedAt: T0, codes: [{system: 'urn:c', code: b}]},"
        + " attestations: [{key: transport, recordedAt: T0}], assessments: [{instrument: PHQ9, at: T0, total: 20}]}");

    assertThat(facts.ageYears()).contains(22);
    assertThat(facts.pregnancy()).contains(PregnancyStatus.PREGNANT);
    assertThat(facts.conditions().orElseThrow().codes()).extracting(c -> c.code()).containsExactly("b");
    assertThat(facts.conditions().orElseThrow().reviewedAt()).isEqualTo(ScenarioFiles.DEFAULT_CLOCK);
    assertThat(facts.medications().orElseThrow().codes()).extracting(c -> c.code()).containsExactly("x");
    assertThat(facts.attestations()).extracting(a -> a.key()).containsExactly("enrolled", "transport");
    assertThat(facts.assessments()).extracting(a -> a.total().orElseThrow()).containsExactly(10, 20);
  }

  @Test
  void resolve_removeEveryField_leavesOnlyThePatientId() {
    PatientFacts facts = resolve("{extends: base, remove: [AGE_YEARS, PREGNANCY, CONDITIONS, MEDICATIONS,"
        + " OBSERVATIONS, ASSESSMENTS, ATTESTATIONS, SESSIONS]}");

    assertThat(facts).isEqualTo(PatientFacts.builder().patientId("p-1").build());
  }

  @Test
  void resolve_removeThenSet_theScenarioValueReplacesTheRemovedOne() {
    PatientFacts facts = resolve("{extends: base, remove: [OBSERVATIONS],"
        + " observations: [{code: {system: http://loinc.org, code: 8480-6}, value: 150 mmHg, at: T0}]}");

    assertThat(facts.observations()).singleElement().satisfies(o -> {
      assertThat(o.value()).hasToString("150 mmHg");
      assertThat(o.at()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    });
  }

  @Test
  void resolve_noFixture_usesThePatchAlone() {
    assertThat(resolve("{patientId: solo, ageYears: 70}"))
        .isEqualTo(PatientFacts.builder().patientId("solo").ageYears(70).build());
  }

  @Test
  void resolve_patientIdMissingFromTheWholeChain_isAProblemAtTheFacts() {
    assertThatThrownBy(() -> resolve("{extends: anonymous}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scenarios[0].facts.patientId: is required: set it in the facts or in the fixture they extend");
  }

  @Test
  void resolve_unknownFixture_namesTheFixturesDefined() {
    assertThatThrownBy(() -> resolve("{extends: nope}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scenarios[0].facts.extends: no fixture named 'nope'; the file defines base, middle, top, anonymous");
  }

  @Test
  void check_selfAndMutualCycles_eachReportedOnceAtItsFirstFixture() {
    ScenarioFile file = ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "fixtures:",
        "  lead-in: {extends: b}",
        "  self: {extends: self}",
        "  b: {extends: c}",
        "  c: {extends: b}",
        "scenarios:",
        "  - {name: n, gate: ELIGIBILITY, facts: {patientId: p}, expect: {verdict: PROCEED}}",
        ""), DocumentFormat.YAML, "c.yaml");

    assertThat(Fixtures.check(file.fixtures())).extracting(Object::toString).containsExactly(
        "fixtures.self.extends: fixtures extend each other in a cycle: self -> self",
        "fixtures.b.extends: fixtures extend each other in a cycle: b -> c -> b");
    assertThat(Fixtures.broken(file.fixtures())).containsExactly("lead-in", "self", "b", "c");
  }

  @Test
  void check_wellFormedChains_noProblemAndNothingBroken() {
    assertThat(Fixtures.check(FILE.fixtures())).isEmpty();
    assertThat(Fixtures.broken(FILE.fixtures())).isEmpty();
  }

  @Test
  void resolve_cycleReachedFromAScenario_namesTheLoop() {
    ScenarioFile file = ScenarioFiles.read(String.join("\n",
        "protocol: kit.yaml",
        "fixtures:",
        "  a: {extends: b}",
        "  b: {extends: a}",
        "scenarios:",
        "  - {name: n, gate: ELIGIBILITY, facts: {extends: a}, expect: {verdict: PROCEED}}",
        ""), DocumentFormat.YAML, "c.yaml");

    assertThatThrownBy(() -> Fixtures.resolve(file.fixtures(), file.scenarios().get(0).facts(), "scenarios[0].facts"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scenarios[0].facts.extends: fixtures extend each other in a cycle: a -> b -> a");
  }

  @Test
  void factsPatchToString_neverContainsThePatientId() {
    FactsPatch patch = FactsPatch.builder().patientId("pt-secret-42").ageYears(45).build();

    assertThat(patch.toString()).doesNotContain("pt-secret-42").contains("45");
  }
}
