package org.kapsdk.core.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The closed list of condition kind names, read from the one place that declares them. */
public final class ConditionKinds {
  private static final Map<Class<?>, String> NAMES =
      Arrays.stream(Condition.class.getAnnotation(JsonSubTypes.class).value())
          .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

  private ConditionKinds() {}

  /** Every kind name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(Condition.class.getAnnotation(JsonSubTypes.class).value())
        .map(JsonSubTypes.Type::name)
        .collect(Collectors.toList());
  }

  static String nameOf(Condition condition) {
    return NAMES.entrySet().stream()
        .filter(e -> e.getKey().isInstance(condition))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("unregistered condition kind"));
  }

}
