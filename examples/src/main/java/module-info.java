/**
 * kapsdk examples: one small runnable program per task a host system performs, written as a
 * host writes them, against the exported API only. Its tests run on the module path, so an
 * example that reaches into a package kapsdk does not export, or a JSON type whose package core
 * does not open to Jackson, fails the build.
 */
module org.kapsdk.examples {
  requires org.kapsdk.core;
  requires org.kapsdk.protocols;

  exports org.kapsdk.examples;

  // The host extension the sample template's BP-CRISIS-SIGNS rule calls. On the class path
  // (kapsdk test --extensions examples/target/classes) META-INF/services registers it instead.
  provides org.kapsdk.core.gate.ConditionExtension with org.kapsdk.examples.HypertensiveCrisisSigns;
}
