package org.kapsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class TreePathsTest {
  private static JsonNode tree() throws Exception {
    return new ObjectMapper().readTree(
        "{\"rules\": [{\"forbid\": {\"maxAge\": \"1 h\", \"parameters\": {\"a.b\": \"x\", \"a\": {\"b\": \"y\"}}}}]}");
  }

  @Test
  void at_pathOfFieldsAndIndexes_findsTheValue() throws Exception {
    assertThat(TreePaths.at(tree(), "rules[0].forbid.maxAge").textValue()).isEqualTo("1 h");
    assertThat(TreePaths.at(tree(), "rules[1].forbid")).isNull();
    assertThat(TreePaths.at(tree(), "rules.forbid")).isNull();
    assertThat(TreePaths.at(tree(), "rules[0].forbid.minAge")).isNull();
  }

  @Test
  void at_fieldNameHoldingADot_matchesTheLongestName() throws Exception {
    assertThat(TreePaths.at(tree(), "rules[0].forbid.parameters.a.b").textValue()).isEqualTo("x");
  }

  @Test
  void replace_existingValue_replacesItAndMissingOneIsRefused() throws Exception {
    JsonNode tree = tree();

    assertThat(TreePaths.replace(tree, "rules[0].forbid.maxAge", TextNode.valueOf("${age}"))).isTrue();
    assertThat(TreePaths.replace(tree, "rules[0].forbid.minAge", TextNode.valueOf("${age}"))).isFalse();
    assertThat(TreePaths.at(tree, "rules[0].forbid.maxAge").textValue()).isEqualTo("${age}");
  }

  @Test
  void fromPointer_givesTheSdkPath() {
    assertThat(TreePaths.fromPointer("/phases/2/stepBack/worsenedByAtLeast")).isEqualTo("phases[2].stepBack.worsenedByAtLeast");
    assertThat(TreePaths.fromPointer("/a~1b/0")).isEqualTo("a/b[0]");
  }
}
