package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.gate.ConditionExtension;
import org.kapsdk.core.gate.SafetyGate;
import org.kapsdk.protocols.BuiltInProtocol;

/**
 * The examples are black-box: they run as the named module {@code org.kapsdk.examples} against
 * the named kapsdk modules, so compiling them proves they use exported packages only, and running
 * them proves the JSON types are open to Jackson. These checks fail if the build ever falls back
 * to the class path, where neither would be checked.
 */
class ModuleBoundaryTest {

  @Test
  void examples_runAsNamedModules() {
    assertThat(ClinicDay.class.getModule().getName()).isEqualTo("org.kapsdk.examples");
    assertThat(SafetyGate.class.getModule().getName()).isEqualTo("org.kapsdk.core");
    assertThat(BuiltInProtocol.class.getModule().getName()).isEqualTo("org.kapsdk.protocols");
  }

  @Test
  void core_exportsEveryApiPackageButInternal_unqualified() {
    ModuleDescriptor core = SafetyGate.class.getModule().getDescriptor();

    assertThat(core.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(core.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .contains("org.kapsdk.core.cohort", "org.kapsdk.core.course", "org.kapsdk.core.gate", "org.kapsdk.core.io")
        // A new API package that is not exported would be unusable from a module: derive, don't list.
        .isEqualTo(core.packages().stream().filter(p -> !p.equals("org.kapsdk.core.internal")).collect(Collectors.toSet()));
    assertThat(SafetyGate.class.getModule().isExported("org.kapsdk.core.internal")).isFalse();
    assertThat(core.opens()).allSatisfy(o -> assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind"));
    assertThat(core.uses()).containsExactly(ConditionExtension.class.getName());
  }

  @Test
  void examples_requireOnlyCoreAndProtocols_andProvideTheExtension() {
    ModuleDescriptor examples = ClinicDay.class.getModule().getDescriptor();

    assertThat(examples.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .isEqualTo(Set.of("java.base", "org.kapsdk.core", "org.kapsdk.protocols"));
    assertThat(examples.provides()).singleElement().satisfies(p -> {
      assertThat(p.service()).isEqualTo(ConditionExtension.class.getName());
      assertThat(p.providers()).containsExactly(HypertensiveCrisisSigns.class.getName());
    });
  }
}
