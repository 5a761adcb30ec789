/**
 * kapsdk protocols: the curated built-in protocol templates, each a YAML resource read through
 * {@link org.kapsdk.protocols.BuiltInProtocol}. The resources stay encapsulated: only the enum
 * reads them.
 */
module org.kapsdk.protocols {
  // BuiltInProtocol's methods take and return core's model types.
  requires transitive org.kapsdk.core;

  exports org.kapsdk.protocols;

  // The check the esketamine built-ins' crisis rule calls, so they need no host code.
  provides org.kapsdk.core.gate.ConditionExtension with org.kapsdk.protocols.CrisisSignsCheck;
}
