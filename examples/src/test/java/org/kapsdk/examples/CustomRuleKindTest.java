package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;
import org.kapsdk.core.gate.GateRequest;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.core.gate.Truth;
import org.kapsdk.core.gate.Verdict;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.io.FactsFiles;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;

class CustomRuleKindTest {
  private static final ProtocolTemplate TEMPLATE = ProtocolFiles.read(
      Path.of("templates/esketamine-trd-sample.yaml"), Path.of("profiles/sample-clinic.yaml"));

  @Test
  void run_onlyARecordedNoSignsCheckProceeds_andAFailingExtensionBlocks() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Verdict> verdicts = CustomRuleKind.run(Path.of(""), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(verdicts).extracting(Verdict::outcome).containsExactly(
        VerdictOutcome.BLOCKED, VerdictOutcome.BLOCKED, VerdictOutcome.PROCEED, VerdictOutcome.BLOCKED);
    assertThat(verdicts).extracting(v -> v.finding("BP-CRISIS-SIGNS").orElseThrow().outcome())
        .containsExactly(Outcome.UNKNOWN, Outcome.FAIL, Outcome.PASS, Outcome.UNKNOWN);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .startsWith("installed: sample.hypertensive-crisis-signs")
        .anySatisfy(l -> assertThat(l).startsWith("no check recorded: BLOCKED, UNKNOWN: Cannot be evaluated, missing: "
            + "a clinician's check for signs of hypertensive crisis or encephalopathy during this session."))
        .contains("signs recorded: BLOCKED, FAIL: Signs of hypertensive crisis or encephalopathy - refer for emergency care.",
            "no signs recorded: PROCEED, PASS: Passed: sample.hypertensive-crisis-signs no signs of hypertensive crisis recorded")
        .anySatisfy(l -> assertThat(l).startsWith("extension failing: BLOCKED, UNKNOWN: Cannot be evaluated, missing: "
            + "a result from extension 'sample.hypertensive-crisis-signs' (it failed: IllegalStateException)."));
  }

  @Test
  void serviceLoader_onTheModulePath_findsTheExtensionThroughProvides() {
    assertThat(ConditionExtensions.fromServiceLoader().get(HypertensiveCrisisSigns.NAME))
        .get().isInstanceOf(HypertensiveCrisisSigns.class);
  }

  @Test
  void evaluate_extensionNotInstalled_blocks() {
    Verdict v = SafetyGate.compile(TEMPLATE, ConditionExtensions.none()).evaluate(request());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.finding("BP-CRISIS-SIGNS").orElseThrow().missingFacts())
        .containsExactly("extension 'sample.hypertensive-crisis-signs' (not installed)");
  }

  @Test
  void evaluate_extensionReturningNothing_blocks() {
    ConditionExtension silent = new ConditionExtension() {
      @Override
      public String name() {
        return HypertensiveCrisisSigns.NAME;
      }

      @Override
      public ExtensionResult evaluate(ExtensionContext context) {
        return null;
      }
    };
    Verdict v = SafetyGate.compile(TEMPLATE, ConditionExtensions.of(silent)).evaluate(request());

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.BLOCKED);
    assertThat(v.finding("BP-CRISIS-SIGNS").orElseThrow().outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void evaluate_noCurrentSession_isUnknownNotAPass() {
    PatientFacts facts = PatientFacts.builder().from(request().facts())
        .addAttestation(Attestation.builder().key(HypertensiveCrisisSigns.NO_SIGNS).recordedAt(CustomRuleKind.AT).build())
        .build();
    ExtensionContext noSession = new ExtensionContext() {
      @Override
      public Map<String, String> parameters() {
        return Map.of();
      }

      @Override
      public Instant at() {
        return CustomRuleKind.AT;
      }

      @Override
      public PatientFacts facts() {
        return facts;
      }

      @Override
      public Optional<SessionRecord> session() {
        return Optional.empty();
      }

      @Override
      public ProtocolTemplate template() {
        return TEMPLATE;
      }
    };

    ExtensionResult result = new HypertensiveCrisisSigns().evaluate(noSession);

    assertThat(result.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(result.missingFacts()).containsExactly("the current session");
  }

  private static GateRequest request() {
    PatientFacts facts = FactsFiles.read(Path.of("facts/esketamine-pre-dose-ready.yaml"), Instant.parse("2026-01-05T09:20:00Z"));
    return GateRequest.builder().gate(Gate.DURING_SESSION).at(CustomRuleKind.AT).facts(facts).session("induction-3").build();
  }
}
