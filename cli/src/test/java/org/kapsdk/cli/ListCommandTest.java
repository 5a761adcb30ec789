package org.kapsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kapsdk.cli.Cli.kapsdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kapsdk.protocols.BuiltInProtocol;

class ListCommandTest {

  @Test
  void list_namesEveryBuiltInWithItsVersionIndicationSourcesAndParameters() {
    Cli run = kapsdk("list");

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).first().isEqualTo(BuiltInProtocol.values().length
        + " built-in protocols; each needs a clinic profile (--profile FILE) that sets its parameters before use.");
    for (BuiltInProtocol p : BuiltInProtocol.values()) {
      assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith(p.id() + "  1.0.0  ACTIVE  "));
    }
    assertThat(run.out())
        .contains("  indication: Major depressive disorder")
        .contains("PI-HTN-CRISIS (US, unconfirmed)")
        .contains("  parameters: 2 (2 required): bp-reading-max-age, phq9-max-age");
  }

  @Test
  void listJson_holdsEachProtocolsSourcesWithTheirConfirmation() throws Exception {
    Cli run = kapsdk("list", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode protocols = new ObjectMapper().readTree(run.out()).get("protocols");
    assertThat(protocols).hasSize(BuiltInProtocol.values().length);
    JsonNode si = protocols.get(0);
    assertThat(si.get("id").asText()).isEqualTo(BuiltInProtocol.values()[0].id());
    assertThat(si.get("indications").get(0).get("code").asText()).isEqualTo("370143000");
    assertThat(si.get("sources").findValuesAsText("key")).contains("PI", "REMS-FDA", "CSSRS-T");
    assertThat(si.get("parameters").get(0).get("required").asBoolean()).isTrue();
  }
}
