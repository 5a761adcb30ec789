/**
 * kapsdk testing: scenario files as JUnit 5 dynamic tests, through
 * {@link org.kapsdk.testing.ScenarioTests}.
 */
module org.kapsdk.testing {
  // ScenarioTests takes core's types and returns JUnit's dynamic nodes.
  requires transitive org.kapsdk.core;
  requires transitive org.junit.jupiter.api;

  exports org.kapsdk.testing;
}
