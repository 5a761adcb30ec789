package org.kapsdk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.ConditionKinds;
import org.kapsdk.core.model.MonitoringPlan;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.validation.ValidationException;

/**
 * Round-trip invariants of {@link ProtocolFiles} over random, structurally valid templates (see
 * {@link RandomTemplates}): reading what was written gives an equal template in both syntaxes,
 * across syntaxes, and writing is deterministic. A random single-field mutation of a valid JSON
 * document either reads or fails with a {@link ValidationException}, never anything else.
 */
class RoundTripProperties {
  private static final ObjectMapper TREE = new ObjectMapper();

  @Provide
  Arbitrary<ProtocolTemplate> templates() {
    return Arbitraries.randomValue(RandomTemplates::template);
  }

  @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
  void readWrite_yaml_givesEqualTemplate(@ForAll("templates") ProtocolTemplate template) {
    String yaml = ProtocolFiles.write(template, DocumentFormat.YAML);

    assertThat(ProtocolFiles.read(yaml, DocumentFormat.YAML, "<yaml>")).as(yaml).isEqualTo(template);
  }

  @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
  void readWrite_json_givesEqualTemplate(@ForAll("templates") ProtocolTemplate template) {
    String json = ProtocolFiles.write(template, DocumentFormat.JSON);

    assertThat(ProtocolFiles.read(json, DocumentFormat.JSON, "<json>")).as(json).isEqualTo(template);
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void write_yamlThenJson_givesSameJsonAsDirectly(@ForAll("templates") ProtocolTemplate template) {
    String yaml = ProtocolFiles.write(template, DocumentFormat.YAML);
    ProtocolTemplate viaYaml = ProtocolFiles.read(yaml, DocumentFormat.YAML, "<yaml>");

    assertThat(ProtocolFiles.write(viaYaml, DocumentFormat.JSON))
        .isEqualTo(ProtocolFiles.write(template, DocumentFormat.JSON));
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void write_twice_givesSameText(@ForAll("templates") ProtocolTemplate template) {
    ProtocolTemplate copy = ProtocolTemplate.builder().from(template).build();

    assertThat(ProtocolFiles.write(copy, DocumentFormat.YAML)).isEqualTo(ProtocolFiles.write(template, DocumentFormat.YAML));
    assertThat(ProtocolFiles.write(copy, DocumentFormat.JSON)).isEqualTo(ProtocolFiles.write(template, DocumentFormat.JSON));
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void read_jsonWithOneFieldMutated_readsOrThrowsValidationException(
      @ForAll("templates") ProtocolTemplate template, @ForAll("seeds") long seed) throws Exception {
    JsonNode tree = TREE.readTree(ProtocolFiles.write(template, DocumentFormat.JSON));
    String mutated = TREE.writeValueAsString(mutate(tree, new Random(seed)));

    Throwable thrown = catchThrowable(() -> ProtocolFiles.read(mutated, DocumentFormat.JSON, "<mutated>"));

    if (thrown != null) {
      assertThat(thrown).as(mutated).isInstanceOf(ValidationException.class);
      assertThat(((ValidationException) thrown).problems()).isNotEmpty();
    }
  }

  @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
  void read_yamlWithOneFieldMutated_readsOrThrowsValidationException(
      @ForAll("templates") ProtocolTemplate template, @ForAll("seeds") long seed) throws Exception {
    JsonNode tree = TREE.readTree(ProtocolFiles.write(template, DocumentFormat.JSON));
    JsonNode changed = mutate(tree, new Random(seed));
    // Rewrite the mutated tree as YAML with the generator settings the SDK writes with.
    String mutated = org.kapsdk.core.internal.Mappers.yaml().writeValueAsString(changed);

    Throwable thrown = catchThrowable(() -> ProtocolFiles.read(mutated, DocumentFormat.YAML, "<mutated>"));

    if (thrown != null) {
      assertThat(thrown).as(mutated).isInstanceOf(ValidationException.class);
      assertThat(((ValidationException) thrown).problems()).isNotEmpty();
    }
  }

  @Example
  void generator_twoHundredTemplates_coverEveryConditionKindDoseKindAndDepthThree() {
    Set<String> conditionKinds = new TreeSet<>();
    Set<String> doseKinds = new TreeSet<>();
    int deepest = 0;
    for (long seed = 0; seed < 200; seed++) {
      ProtocolTemplate template = RandomTemplates.template(new Random(seed));
      List<Condition> roots = new ArrayList<>();
      Stream.concat(template.rules().stream(), template.sessions().stream().flatMap(s -> s.rules().stream()))
          .forEach(r -> {
            r.require().ifPresent(roots::add);
            r.forbid().ifPresent(roots::add);
          });
      template.sessions().forEach(s -> s.monitoring().flatMap(MonitoringPlan::endsWhen).ifPresent(roots::add));
      for (Condition root : roots) {
        deepest = Math.max(deepest, visit(root, 1, conditionKinds));
      }
      template.sessions().forEach(s -> s.dosing().ifPresent(d -> doseKinds.add(d.dose().getClass().getSimpleName())));
    }

    assertThat(conditionKinds).containsExactlyInAnyOrderElementsOf(ConditionKinds.names());
    assertThat(doseKinds).containsExactly("ImmutableDeviceDose", "ImmutableFixedDose", "ImmutableWeightBasedDose");
    assertThat(deepest).isEqualTo(3);
  }

  private static int visit(Condition condition, int depth, Set<String> kinds) {
    kinds.add(condition.kindName());
    List<Condition> children =
        condition instanceof AllOf all ? all.conditions()
            : condition instanceof AnyOf any ? any.conditions()
            : condition instanceof Not not ? List.of(not.condition())
            : List.of();
    int deepest = depth;
    for (Condition child : children) {
      deepest = Math.max(deepest, visit(child, depth + 1, kinds));
    }
    return deepest;
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** The tree with one value replaced, one field removed or renamed, or one list element removed. */
  private static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (target instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(4)) {
        case 0:
          object.remove(name);
          break;
        case 1:
          object.set(name + "x", object.remove(name));
          break;
        default:
          object.set(name, replacement(object.get(name), random, f));
          break;
      }
    } else if (target instanceof ArrayNode array && array.size() > 0) {
      int index = random.nextInt(array.size());
      if (random.nextBoolean()) {
        array.remove(index);
      } else {
        array.set(index, replacement(array.get(index), random, f));
      }
    }
    return root;
  }

  private static JsonNode replacement(JsonNode old, Random random, JsonNodeFactory f) {
    switch (random.nextInt(12)) {
      case 0:
        return f.nullNode();
      case 1:
        return f.booleanNode(random.nextBoolean());
      case 2:
        return f.numberNode(random.nextInt(200) - 50);
      case 3:
        return f.numberNode(new java.math.BigDecimal("2.5"));
      case 4:
        return f.textNode("");
      case 5:
        return f.textNode(String.valueOf(random.nextInt(100)));
      case 6:
        return f.textNode(new String[] {"-5 mg", "0 min", "1.5 h", "12 parsecs", "DOSING", "banana", "56 mg",
          "140 mmHg", "2 wk", "{value}", "all", "fixed"}[random.nextInt(12)]);
      case 7:
        return f.arrayNode();
      case 8:
        return f.objectNode();
      case 9:
        return f.arrayNode().add(old.deepCopy());
      case 10:
        return f.objectNode().set("kind", f.textNode("not"));
      default:
        if (old.isTextual()) {
          return f.textNode(old.asText() + " ");
        }
        if (old.isNumber()) {
          return f.numberNode(-old.asLong() - 1);
        }
        return f.textNode(old.toString());
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          collect(it.next().getValue(), out);
        }
      } else {
        node.forEach(child -> collect(child, out));
      }
    }
  }
}
