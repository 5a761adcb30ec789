package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ParameterType;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.Paths;

/**
 * Round trips of templates with a parameter: a random whole number or duration of a random
 * valid template (see {@link RandomTemplates}) becomes a clinic-policy parameter; writing gives
 * the placeholder instead of the value, and reading with a profile that sets the value gives an
 * equal template and the same text, in both syntaxes.
 */
class ParameterRoundTripProperties {
  private static final ObjectMapper TREE = new ObjectMapper();

  /** A template with one value turned into a parameter, and the value. */
  record Case(ProtocolTemplate template, String value) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(ParameterRoundTripProperties::parameterise);
  }

  @Property(tries = 300, shrinking = ShrinkingMode.OFF)
  void writeRead_withTheProfile_givesEqualTemplateAndText(@ForAll("cases") Case c) {
    ClinicProfile profile = ClinicProfile.builder().clinic("c").template(c.template().id()).putValue("p", c.value()).build();
    for (DocumentFormat format : DocumentFormat.values()) {
      String text = ProtocolFiles.write(c.template(), format);

      ProtocolTemplate again = ProtocolFiles.read(text, format, "<" + format + ">", profile);

      assertThat(text).as(text).contains("${p}");
      assertThat(again).as(text).isEqualTo(c.template());
      assertThat(ProtocolFiles.write(again, format)).isEqualTo(text);
    }
  }

  private static Case parameterise(Random random) {
    while (true) {
      ProtocolTemplate template = RandomTemplates.template(random);
      JsonNode tree = readTree(ProtocolFiles.write(template, DocumentFormat.JSON));
      List<Map.Entry<String, JsonNode>> leaves = new ArrayList<>();
      collect(tree, "", leaves);
      leaves.removeIf(e -> !(e.getValue().isInt() || e.getValue().isTextual() && isDuration(e.getValue().textValue())));
      if (leaves.isEmpty()) {
        continue;
      }
      Map.Entry<String, JsonNode> leaf = leaves.get(random.nextInt(leaves.size()));
      boolean integer = leaf.getValue().isInt();
      Parameter p = Parameter.builder().name("p").type(integer ? ParameterType.INTEGER : ParameterType.DURATION)
          .description("A value the clinic sets.").clinicPolicy(true).build();
      ProtocolTemplate parameterised = ProtocolTemplate.builder().from(template).addParameter(p)
          .putPlaceholder(leaf.getKey(), "p").build();
      return new Case(parameterised, integer ? leaf.getValue().asText() : leaf.getValue().textValue());
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return TREE.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean isDuration(String text) {
    try {
      DurationText.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void collect(JsonNode node, String path, List<Map.Entry<String, JsonNode>> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!(path.isEmpty() && field.getKey().equals("parameters"))) {
          collect(field.getValue(), Paths.join(path, field.getKey()), out);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), Paths.index(path, i), out);
      }
    } else if (!path.isEmpty()) {
      out.add(Map.entry(path, node));
    }
  }
}
