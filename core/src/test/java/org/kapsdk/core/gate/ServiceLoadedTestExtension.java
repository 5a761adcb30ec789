package org.kapsdk.core.gate;

/**
 * Registered in {@code META-INF/services/org.kapsdk.core.gate.ConditionExtension} (test
 * resources). Public with a public constructor only because {@link java.util.ServiceLoader}
 * requires it. Holds when the parameter {@code answer} is {@code yes}.
 */
public final class ServiceLoadedTestExtension implements ConditionExtension {
  static final String NAME = "test.service-loaded";

  public ServiceLoadedTestExtension() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExtensionResult evaluate(ExtensionContext context) {
    String answer = context.parameters().get("answer");
    if (answer == null) {
      return ExtensionResult.unknown("parameter 'answer'");
    }
    return ExtensionResult.known(answer.equals("yes"), "answer " + answer);
  }
}
