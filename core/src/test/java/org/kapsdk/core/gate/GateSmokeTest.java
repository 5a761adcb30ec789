package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;

class GateSmokeTest {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  static final String Y = String.join("\n",
      "id: probe", "version: 1.0.0", "title: Probe", "status: DRAFT",
      "indications: [{system: 'http://snomed.info/sct', code: '370143000'}]",
      "evidence: [{key: PI, citation: Spravato PI, jurisdiction: US, confirmed: true}]",
      "phases:",
      "  - id: induction",
      "    title: Induction",
      "    sessions:",
      "      - id: dose",
      "        kind: DOSING",
      "        title: Dose",
      "        dosing:",
      "          medication: {system: 'urn:kapsdk:medication', code: esketamine}",
      "          route: INTRANASAL",
      "          dose: {kind: devices, perDevice: 28 mg, devices: 2, betweenDevices: 5 min}",
      "          maxPerSession: 84 mg",
      "        rules:",
      "          - id: BP-PRE",
      "            severity: BLOCK",
      "            gate: PRE_DOSE",
      "            overridable: true",
      "            message: 'Systolic {value} is above {threshold}'",
      "            evidence: [PI]",
      "            forbid: {kind: observation, code: {system: 'http://loinc.org', code: 8480-6}, comparator: GT, value: 140 mmHg, maxAge: 60 min}",
      "");

  @Test
  void preDose_highStaleAndOverridden() {
    ProtocolTemplate t = ProtocolFiles.read(Y, DocumentFormat.YAML, "probe.yaml");
    SafetyGate gate = SafetyGate.compile(t, ConditionExtensions.none());
    SessionRecord s = SessionRecord.builder().id("s1").template("dose").start(T0.minus(Duration.ofMinutes(10))).build();
    PatientFacts high = PatientFacts.builder().patientId("p1").addSessions(s)
        .addObservations(Observation.builder().code(Codes.SYSTOLIC_BP).value(Quantity.parse("152 mmHg")).at(T0.minus(Duration.ofMinutes(5))).build())
        .build();
    GateRequest req = GateRequest.builder().gate(Gate.PRE_DOSE).at(T0).facts(high).session("s1").plannedDose(Quantity.parse("56 mg")).build();
    Verdict v = gate.evaluate(req);
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.finding("BP-PRE").orElseThrow().message()).isEqualTo("Systolic 152 mmHg is above 140 mmHg");
    assertThat(v.finding("dose#maxPerSession").orElseThrow().outcome()).isEqualTo(Outcome.PASS);

    Verdict stale = gate.evaluate(GateRequest.builder().from(req).at(T0.plus(Duration.ofHours(2))).build());
    assertThat(stale.finding("BP-PRE").orElseThrow().outcome()).isEqualTo(Outcome.UNKNOWN);

    Verdict over = gate.evaluate(GateRequest.builder().from(req).addOverrides(ClinicianOverride.builder()
        .ruleId("BP-PRE").clinicianId("c1").role("prescriber").reason("benefit outweighs short rise").at(T0).session("s1").build()).build());
    assertThat(over.outcome()).isEqualTo(VerdictOutcome.PROCEED_WITH_WARNINGS);
  }
}
