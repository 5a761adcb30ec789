package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.ParameterValue;
import org.kapsdk.core.model.ResolvedProtocol;
import org.kapsdk.core.model.ValueOrigin;
import org.kapsdk.core.validation.ValidationException;
import org.kapsdk.protocols.BuiltInProtocol;

class LoadBuiltInTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void run_withTheSampleProfile_listsTheUnsetParametersThenResolvesWithTheProfileValues() {
    ResolvedProtocol resolved =
        LoadBuiltIn.run(BuiltInProtocol.ESKETAMINE_TRD_US, Path.of("profiles/esketamine-trd-us-clinic.yaml"), out);
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(resolved.template().id()).isEqualTo("esketamine-trd-us");
    assertThat(resolved.values()).extracting(ParameterValue::name, ParameterValue::value, ParameterValue::origin)
        .containsExactly(
            tuple("bp-reading-max-age", "1 h", ValueOrigin.PROFILE),
            tuple("phq9-max-age", "30 d", ValueOrigin.PROFILE),
            tuple("phq9-worsening-points", "5", ValueOrigin.PROFILE));
    assertThat(text.lines().toList())
        .contains(
            "without a profile: refused, 3 parameters to set",
            "with the profile of sample-clinic:",
            "  bp-reading-max-age = 1 h (PROFILE)",
            "  phq9-max-age = 30 d (PROFILE)",
            "  phq9-worsening-points = 5 (PROFILE)")
        .anySatisfy(l -> assertThat(l).startsWith("  bp-reading-max-age (DURATION): "))
        .anySatisfy(l -> assertThat(l).startsWith("  phq9-worsening-points (INTEGER): "))
        .anySatisfy(l -> assertThat(l).startsWith("compiled: ").endsWith(" rules at the gates"));
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("esketamine-trd-us 1.");
  }

  @Test
  void run_withAProfileForAnotherTemplate_isRefusedNamingBothTemplates() {
    // The profile is read as a file, so the problem names the file and the line of its template field.
    assertThatThrownBy(() -> LoadBuiltIn.run(BuiltInProtocol.ESKETAMINE_TRD_US, Path.of("profiles/sample-clinic.yaml"), out))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("profiles/sample-clinic.yaml:")
        .hasMessageContaining("template: the profile is for template 'esketamine-trd-sample', not 'esketamine-trd-us'");
  }
}
