package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.evidence;

import org.junit.jupiter.api.Test;

/** Checks of codes and evidence entries. */
class CodeAndEvidenceChecksTest {

  @Test
  void codeBuild_withBlankSystem_rejectsSystemOnce() {
    assertProblems(() -> Code.of(" ", "8480-6", "Systolic"))
        .containsExactly(tuple("system", "must not be blank"));
  }

  @Test
  void codeBuild_withSystemThatIsNotUri_rejectsSystem() {
    assertProblems(() -> Code.of("loinc", "8480-6", "Systolic"))
        .containsExactly(tuple("system", "must be a URI such as http://loinc.org"));
  }

  @Test
  void codeBuild_withBlankCode_rejectsCode() {
    assertProblems(() -> Code.of(Codes.LOINC, "", "Systolic"))
        .containsExactly(tuple("code", "must not be blank"));
  }

  @Test
  void codeBuild_withPaddedCode_rejectsWhiteSpace() {
    assertProblems(() -> Code.of(Codes.LOINC, " 8480-6", "Systolic"))
        .containsExactly(tuple("code", "must not start or end with white space"));
  }

  @Test
  void codeBuild_withBlankDisplay_rejectsDisplay() {
    assertProblems(() -> Code.of(Codes.LOINC, "8480-6", "\t"))
        .containsExactly(tuple("display", "must not be blank"));
  }

  @Test
  void codeBuild_withEverythingWrong_reportsEachAttribute() {
    assertProblems(() -> Code.of("sct", "1 ", ""))
        .containsExactly(
            tuple("system", "must be a URI such as http://loinc.org"),
            tuple("code", "must not start or end with white space"),
            tuple("display", "must not be blank"));
  }

  @Test
  void codeBuild_withUrnSystem_accepts() {
    assertThat(Code.of("urn:oid:2.16.840.1.113883.6.96", "1", "x").system()).startsWith("urn:");
  }

  @Test
  void evidenceBuild_withInvalidKey_rejectsKey() {
    assertProblems(() -> evidence("label 2019").build())
        .containsExactly(
            tuple(
                "key",
                "'label 2019' is not a valid id; use letters, digits, '.', '_' or '-' (at most 64 characters)"));
  }

  @Test
  void evidenceBuild_withBlankCitation_rejectsCitation() {
    assertProblems(() -> evidence("label").citation(" ").build())
        .containsExactly(tuple("citation", "must not be blank"));
  }

  @Test
  void evidenceBuild_withBlankSection_rejectsSection() {
    assertProblems(() -> evidence("label").section("").build())
        .containsExactly(tuple("section", "must not be blank"));
  }

  @Test
  void evidenceBuild_withLowerCaseJurisdiction_rejectsJurisdiction() {
    assertProblems(() -> evidence("label").jurisdiction("us").build())
        .containsExactly(
            tuple(
                "jurisdiction",
                "'us' is not a valid jurisdiction; use an upper-case code of 2 to 16 characters such"
                    + " as US or EU"));
  }

  @Test
  void evidenceBuild_withSeventeenCharacterJurisdiction_rejectsJurisdiction() {
    assertProblems(() -> evidence("label").jurisdiction("US-CALIFORNIA-NOR").build())
        .containsExactly(
            tuple(
                "jurisdiction",
                "'US-CALIFORNIA-NOR' is not a valid jurisdiction; use an upper-case code of 2 to 16"
                    + " characters such as US or EU"));
  }

  @Test
  void evidenceBuild_withSubdivisionJurisdiction_accepts() {
    assertThat(evidence("label").jurisdiction("US-CA").build().jurisdiction()).contains("US-CA");
  }
}
