package org.kapsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.model.ProtocolTemplate;

class QuickStartTest {

  @Test
  void run_buildsWritesAndReadsBack_andListsEveryProblemOfTheInvalidTemplate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProtocolTemplate template = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(template.id()).isEqualTo("kap-intake-demo");
    assertThat(out)
        .startsWith("round trip equal: true\n")
        .contains("id: kap-intake-demo\n", "      - id: screening\n        kind: SCREENING\n")
        .contains(
            "an invalid template reports 3 problems:\n"
                + "  id: 'Not A Valid Id' is not a valid id; use lower-case letters, digits, '.', '_' or '-' (at most 64 characters)\n"
                + "  version: '1.0' is not a semantic version such as 1.0.0\n"
                + "  phases: must not be empty\n");
  }
}
