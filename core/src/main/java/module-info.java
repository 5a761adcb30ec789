/**
 * kapsdk core: the medication-agnostic model, its file formats and the engines (validation, lint,
 * safety gate, scheduler, course record, scenarios).
 *
 * <p>Every package but {@code org.kapsdk.core.internal} is API. Jackson reflects on the
 * package-private classes Immutables generates, so each package holding JSON-mapped types is
 * opened to it, and only to it.
 */
module org.kapsdk.core {
  // Jackson annotations sit on the API's value types, so a consumer compiling against them reads Jackson too.
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  // The YAML reader's limits and the writer's layout are set on SnakeYAML's own options.
  requires org.yaml.snakeyaml;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  // Used by the code Immutables generates, never in a signature.
  requires com.google.common;
  requires static org.immutables.value.annotations;
  requires static transitive org.jspecify;

  exports org.kapsdk.core.cohort;
  exports org.kapsdk.core.course;
  exports org.kapsdk.core.facts;
  exports org.kapsdk.core.gate;
  exports org.kapsdk.core.io;
  exports org.kapsdk.core.lint;
  exports org.kapsdk.core.model;
  exports org.kapsdk.core.outcome;
  exports org.kapsdk.core.plan;
  exports org.kapsdk.core.scenario;
  exports org.kapsdk.core.validation;

  opens org.kapsdk.core.course to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.facts to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.gate to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.internal to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.io to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.model to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.outcome to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.plan to com.fasterxml.jackson.databind;
  opens org.kapsdk.core.scenario to com.fasterxml.jackson.databind;

  uses org.kapsdk.core.gate.ConditionExtension;
}
