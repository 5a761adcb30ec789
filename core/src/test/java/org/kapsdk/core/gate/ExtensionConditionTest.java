package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.T0;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.preDose;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.require;
import static org.kapsdk.core.gate.GateTesting.withDoseRules;
import static org.kapsdk.core.gate.GateTesting.withRules;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.ExtensionCondition;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.ProtocolTemplate;

class ExtensionConditionTest {

  private static final String NAME = "clinic.bmi-check";
  private static final ExtensionCondition BMI = ExtensionCondition.builder().name(NAME).putParameter("max", "40").build();
  private static final ProtocolTemplate TEMPLATE = withRules(require(RULE, Gate.ELIGIBILITY, BMI));

  private static ConditionExtension extension(String name, Function<ExtensionContext, ExtensionResult> body) {
    return new ConditionExtension() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ExtensionResult evaluate(ExtensionContext context) {
        return body.apply(context);
      }
    };
  }

  private static Finding evaluateWith(ConditionExtensions extensions) {
    return SafetyGate.compile(TEMPLATE, extensions).evaluate(request(Gate.ELIGIBILITY, facts().build()).build())
        .finding(RULE).orElseThrow();
  }

  private static Finding evaluateWith(Function<ExtensionContext, ExtensionResult> body) {
    return evaluateWith(ConditionExtensions.of(extension(NAME, body)));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  @Test
  void extension_notInstalled_isUnknown() {
    Finding f = evaluateWith(ConditionExtensions.none());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("extension 'clinic.bmi-check' (not installed)");
  }

  @Test
  void extension_otherNameInstalled_isUnknown() {
    Finding f = evaluateWith(ConditionExtensions.of(extension("clinic.other", c -> ExtensionResult.known(true))));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void extension_knownTrue_passesWithItsFacts() {
    Finding f = evaluateWith(c -> ExtensionResult.known(true, "BMI 31"));

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value).containsExactly(tuple(NAME, "BMI 31"));
  }

  @Test
  void extension_knownFalse_fails() {
    Finding f = evaluateWith(c -> ExtensionResult.known(false, "BMI 44"));

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Failed: BMI 44 against extension clinic.bmi-check {max=40}");
  }

  @Test
  void extension_unknownResult_isUnknownWithItsMissingFacts() {
    Finding f = evaluateWith(c -> ExtensionResult.unknown("BMI within 30 d"));

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("BMI within 30 d");
  }

  @Test
  void extension_throwsRuntimeException_isUnknown() {
    Finding f = evaluateWith(c -> {
      throw new IllegalStateException("database down");
    });

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("a result from extension 'clinic.bmi-check' (it failed: IllegalStateException)");
  }

  @Test
  void extension_throwsAssertionError_isUnknown() {
    Finding f = evaluateWith(c -> {
      throw new AssertionError("unexpected state");
    });

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("a result from extension 'clinic.bmi-check' (it failed: AssertionError)");
  }

  @Test
  void extension_throwsCheckedExceptionSneakily_isUnknown() {
    Finding f = evaluateWith(c -> {
      sneakyThrow(new java.io.IOException("socket closed"));
      return ExtensionResult.known(true);
    });

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("a result from extension 'clinic.bmi-check' (it failed: IOException)");
  }

  @Test
  void extension_returnsNull_isUnknown() {
    Finding f = evaluateWith(c -> null);

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("a result from extension 'clinic.bmi-check' (it returned none)");
  }

  @Test
  void extension_receivesParametersInstantFactsAndSession() {
    AtomicReference<ExtensionContext> seen = new AtomicReference<>();
    var facts = facts().ageYears(40).addSessions(current()).build();

    Verdict v = SafetyGate.compile(withDoseRules(require(RULE, Gate.PRE_DOSE, BMI)),
            ConditionExtensions.of(extension(NAME, c -> {
              seen.set(c);
              return ExtensionResult.known(true);
            })))
        .evaluate(preDose(facts).build());

    assertThat(v.finding(RULE).orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(seen.get().parameters()).containsExactly(java.util.Map.entry("max", "40"));
    assertThat(seen.get().at()).isEqualTo(T0);
    assertThat(seen.get().facts()).isEqualTo(facts);
    assertThat(seen.get().session().orElseThrow().id()).isEqualTo("s-now");
    assertThat(seen.get().template().id()).isEqualTo("gate-test");
  }

  @Test
  void serviceLoader_registeredExtension_isFoundByName() {
    assertThat(ConditionExtensions.fromServiceLoader().get(ServiceLoadedTestExtension.NAME))
        .get().isInstanceOf(ServiceLoadedTestExtension.class);
  }

  @Test
  void serviceLoader_compileWithoutExtensions_usesServiceLoadedExtension() {
    ExtensionCondition c = ExtensionCondition.builder().name(ServiceLoadedTestExtension.NAME).putParameter("answer", "no").build();

    Verdict v = SafetyGate.compile(withRules(require(RULE, Gate.ELIGIBILITY, c)))
        .evaluate(request(Gate.ELIGIBILITY, facts().build()).build());

    assertThat(v.finding(RULE).orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(v.finding(RULE).orElseThrow().factsUsed()).extracting(FactUse::value).containsExactly("answer no");
  }

  @Test
  void of_twoExtensionsWithOneName_isRefused() {
    assertThatThrownBy(() -> ConditionExtensions.of(extension(NAME, c -> null), extension(NAME, c -> null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("two extensions are named 'clinic.bmi-check'");
  }

  @Test
  void of_blankName_isRefused() {
    ConditionExtension blank = extension(" ", c -> null);

    assertThatThrownBy(() -> ConditionExtensions.of(blank))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("extension " + blank.getClass().getName() + " has a blank name");
  }

  @Test
  void unknownResult_withoutMissingFacts_isRefused() {
    assertThatThrownBy(ExtensionResult::unknown)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("an unknown result must name what is missing");
  }
}
