package org.kapsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.kapsdk.core.model.Fixtures.assertProblems;
import static org.kapsdk.core.model.Fixtures.template;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structural rules of parameters, of their use in a template, of clinic profiles and of
 * resolved values. In {@link Fixtures#template()}, evidence {@code label} is confirmed and
 * {@code rems} is not, and {@code rules[0]} forbids an age below 18 ({@code rules[0].forbid.years}).
 */
class ParameterChecksTest {
  private static final String AGE = "rules[0].forbid.years";

  private static Parameter.Builder duration(String name) {
    return Parameter.builder().name(name).type(ParameterType.DURATION).description("How old a reading may be.")
        .clinicPolicy(true);
  }

  private static Parameter.Builder integer(String name) {
    return Parameter.builder().name(name).type(ParameterType.INTEGER).description("The youngest age treated.")
        .clinicPolicy(true);
  }

  private static Parameter.Builder quantity(String name) {
    return Parameter.builder().name(name).type(ParameterType.QUANTITY).unit(Unit.MMHG)
        .description("Systolic reading above which a clinician reviews.").clinicPolicy(true);
  }

  /* ------------------------------------------------------------------ one parameter */

  @Test
  void parameterBuild_eachType_accepts() {
    assertThat(duration("bp-max-age").min("1 min").max("1 d").build().required()).isTrue();
    assertThat(integer("min-age").min("0").max("130").build().type()).isEqualTo(ParameterType.INTEGER);
    assertThat(quantity("systolic-review").clinicPolicy(false).source("label").defaultValue("140 mmHg").build().required())
        .isFalse();
  }

  @Test
  void parameterBuild_withUpperCaseName_rejectsName() {
    assertProblems(() -> duration("BP-Max-Age").build())
        .containsExactly(tuple("name", "'BP-Max-Age' is not a valid id; use lower-case letters, digits, '.', '_' or '-'"
            + " (at most 64 characters)"));
  }

  @Test
  void parameterBuild_withBlankDescription_rejectsDescription() {
    assertProblems(() -> duration("bp-max-age").description(" ").build())
        .containsExactly(tuple("description", "must not be blank"));
  }

  @Test
  void parameterBuild_quantityWithoutUnit_rejectsUnit() {
    assertProblems(() -> Parameter.builder().name("systolic-review").type(ParameterType.QUANTITY).description("d")
        .clinicPolicy(true).build())
        .containsExactly(tuple("unit", "is required for a QUANTITY parameter"));
  }

  @Test
  void parameterBuild_durationOrIntegerWithUnit_rejectsUnit() {
    assertProblems(() -> duration("bp-max-age").unit(Unit.MINUTE).build())
        .containsExactly(tuple("unit", "is only allowed for a QUANTITY parameter; values of type DURATION carry no unit"));
    assertProblems(() -> integer("min-age").unit(Unit.SCORE).build())
        .containsExactly(tuple("unit", "is only allowed for a QUANTITY parameter; values of type INTEGER carry no unit"));
  }

  @Test
  void parameterBuild_withNeitherSourceNorClinicPolicy_rejectsParameter() {
    assertProblems(() -> duration("bp-max-age").clinicPolicy(false).build())
        .containsExactly(tuple("", "exactly one of source and clinicPolicy must be set"));
  }

  @Test
  void parameterBuild_withSourceAndClinicPolicy_rejectsParameter() {
    assertProblems(() -> duration("bp-max-age").source("label").build())
        .containsExactly(tuple("", "exactly one of source and clinicPolicy must be set"));
  }

  @Test
  void parameterBuild_withInvalidSourceKey_rejectsSource() {
    assertProblems(() -> duration("bp-max-age").clinicPolicy(false).source("the label").build())
        .containsExactly(tuple("source", "'the label' is not a valid evidence key; use letters, digits, '.', '_' or '-'"));
  }

  @Test
  void parameterBuild_clinicPolicyWithDefault_rejectsDefault() {
    assertProblems(() -> duration("bp-max-age").defaultValue("1 h").build())
        .containsExactly(tuple("defaultValue", "a clinic-policy parameter has no default: the clinic sets its value in its profile"));
  }

  @Test
  void parameterBuild_boundsAndDefaultNotOfTheType_rejectsEach() {
    assertProblems(() -> duration("bp-max-age").clinicPolicy(false).source("label").min("5").max("1 h").defaultValue("soon").build())
        .containsExactly(
            tuple("min", "'5' is not a value of type DURATION: expected a duration such as '120 min': a whole number,"
                + " a space and one of s, min, h, d, wk"),
            tuple("defaultValue", "'soon' is not a value of type DURATION: expected a duration such as '120 min': a whole"
                + " number, a space and one of s, min, h, d, wk"));
    assertProblems(() -> integer("min-age").max("18.5").build())
        .containsExactly(tuple("max", "'18.5' is not a value of type INTEGER: expected a whole number such as 5"));
  }

  @Test
  void parameterBuild_quantityBoundInAnotherUnit_rejectsBound() {
    assertProblems(() -> quantity("systolic-review").max("18 kg").build())
        .containsExactly(tuple("max", "'18 kg' is not a value of type QUANTITY: the value is in kg; the parameter takes mmHg"));
  }

  @Test
  void parameterBuild_minAboveMax_rejectsMin() {
    assertProblems(() -> duration("bp-max-age").min("2 h").max("90 min").build())
        .containsExactly(tuple("min", "min (2 h) must not be greater than max (90 min)"));
  }

  @Test
  void parameterBuild_defaultOutsideTheRange_rejectsDefault() {
    assertProblems(() -> quantity("systolic-review").clinicPolicy(false).source("label").min("100 mmHg").defaultValue("90 mmHg").build())
        .containsExactly(tuple("defaultValue", "'90 mmHg' is below the minimum of parameter 'systolic-review' (100 mmHg)"));
    assertProblems(() -> integer("min-age").clinicPolicy(false).source("label").max("21").defaultValue("30").build())
        .containsExactly(tuple("defaultValue", "'30' is above the maximum of parameter 'min-age' (21)"));
  }

  @Test
  void canonicalValue_eachType_givesTheCanonicalText() {
    assertThat(duration("bp-max-age").build().canonicalValue("60 min")).isEqualTo("1 h");
    assertThat(integer("min-age").build().canonicalValue(" 018 ")).isEqualTo("18");
    assertThat(quantity("systolic-review").build().canonicalValue("140.0 mm[Hg]")).isEqualTo("140 mmHg");
    assertThatThrownBy(() -> integer("min-age").build().canonicalValue("18 y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a whole number such as 5");
  }

  @Test
  void problemWith_valueInRange_isEmpty() {
    assertThat(integer("min-age").min("16").max("21").build().problemWith("18")).isEmpty();
  }

  /* ------------------------------------------------------------------ in a template */

  private static ProtocolTemplate.Builder withAgeParameter(Parameter parameter) {
    return template().addParameter(parameter).putPlaceholder(AGE, parameter.name());
  }

  @Test
  void templateBuild_parameterUsedAtAValueOfItsType_accepts() {
    ProtocolTemplate t = withAgeParameter(integer("min-age").min("16").max("21").build()).build();

    assertThat(t.parameter("min-age")).isPresent();
    assertThat(t.placeholders()).containsEntry(AGE, "min-age");
  }

  @Test
  void templateBuild_duplicateParameterNames_rejectsTheSecond() {
    assertProblems(() -> withAgeParameter(integer("min-age").build()).addParameter(integer("min-age").build()).build())
        .containsExactly(tuple("parameters[1].name", "duplicate parameter name 'min-age' (first used at parameters[0].name)"));
  }

  @Test
  void templateBuild_sourceTheTemplateDoesNotDefine_rejectsSource() {
    assertProblems(() -> withAgeParameter(integer("min-age").clinicPolicy(false).source("smpc").build()).build())
        .containsExactly(tuple("parameters[0].source", "refers to evidence 'smpc', which the template does not define"));
  }

  @Test
  void templateBuild_defaultFromAnUnconfirmedSource_rejectsDefault() {
    assertProblems(() -> withAgeParameter(integer("min-age").clinicPolicy(false).source("rems").defaultValue("18").build()).build())
        .containsExactly(tuple("parameters[0].defaultValue", "evidence 'rems' is not confirmed, so it cannot supply a"
            + " default: a clinical threshold is never invented; leave the default out so the clinic sets the value in its profile"));
  }

  @Test
  void templateBuild_defaultFromAConfirmedSource_accepts() {
    Parameter p = integer("min-age").clinicPolicy(false).source("label").defaultValue("18").build();

    assertThat(withAgeParameter(p).build().parameters()).containsExactly(p);
  }

  @Test
  void templateBuild_unconfirmedSourceWithoutDefault_accepts() {
    assertThat(withAgeParameter(integer("min-age").clinicPolicy(false).source("rems").build()).build().parameters()).hasSize(1);
  }

  @Test
  void templateBuild_parameterNeverUsed_rejectsItsName() {
    assertProblems(() -> template().addParameter(integer("min-age").build()).build())
        .containsExactly(tuple("parameters[0].name", "parameter 'min-age' is declared but never used; write ${min-age}"
            + " where its value belongs, or remove the parameter"));
  }

  @Test
  void templateBuild_placeholderNamingNoParameter_rejectsThePlace() {
    assertProblems(() -> template().putPlaceholder(AGE, "min-age").build())
        .containsExactly(tuple(AGE, "placeholder ${min-age} names no parameter of the template; declare it under parameters"));
  }

  @Test
  void templateBuild_placeholderWhereTheTemplateHoldsNoValue_rejectsThePlace() {
    assertProblems(() -> template().addParameter(integer("min-age").build()).putPlaceholder("rules[0].forbid.months", "min-age").build())
        .containsExactly(tuple("rules[0].forbid.months", "placeholder ${min-age} is not at a value of the template"));
    assertProblems(() -> template().addParameter(integer("min-age").build()).putPlaceholder("rules[0].forbid", "min-age").build())
        .containsExactly(tuple("rules[0].forbid", "placeholder ${min-age} is not at a value of the template"));
  }

  @Test
  void templateBuild_valueAtAPlaceholderNotOfTheParametersType_rejectsThePlace() {
    assertProblems(() -> withAgeParameter(duration("min-age").build()).build())
        .containsExactly(tuple(AGE, "'18' is not a value of parameter 'min-age' (DURATION): expected a duration such as"
            + " '120 min': a whole number, a space and one of s, min, h, d, wk"));
  }

  @Test
  void templateBuild_valueAtAPlaceholderOutOfRange_rejectsThePlace() {
    assertProblems(() -> withAgeParameter(integer("min-age").min("21").build()).build())
        .containsExactly(tuple(AGE, "'18' is below the minimum of parameter 'min-age' (21)"));
  }

  @Test
  void templateBuild_twoPlacesOfOneParameterWithDifferentValues_rejectsTheSecond() {
    ProtocolTemplate.Builder t = withAgeParameter(integer("min-age").build())
        .addRule(Fixtures.rule("adult-again", Gate.ELIGIBILITY)
            .forbid(PatientAge.builder().comparator(Comparator.LT).years(21).build()).build());
    String second = "rules[" + (Fixtures.templateRules().size()) + "].forbid.years";

    assertProblems(() -> t.putPlaceholder(second, "min-age").build())
        .containsExactly(tuple(second, "holds 21, but parameter 'min-age' is 18 at " + AGE
            + "; every place of a parameter holds its one value"));
  }

  /* ------------------------------------------------------------------ profiles */

  private static ClinicProfile.Builder profile() {
    return ClinicProfile.builder().clinic("riverside").template("esketamine-trd").putValue("min-age", "18");
  }

  @Test
  void profileBuild_valid_accepts() {
    ClinicProfile p = profile().templateVersion(">=1.0.0 <2.0.0").notes("Approved by the medical director, 2026-01-02").build();

    assertThat(p.values()).containsEntry("min-age", "18");
  }

  @Test
  void profileBuild_everyFieldWrong_reportsEach() {
    assertProblems(() -> ClinicProfile.builder().clinic(" ").template("Esketamine TRD").templateVersion("1.0")
        .putValue("Min Age", "18").putValue("bp-max-age", " ").notes("").build())
        .containsExactly(
            tuple("clinic", "must not be blank"),
            tuple("template", "'Esketamine TRD' is not a valid template id; use lower-case letters, digits, '.', '_' or"
                + " '-' (at most 64 characters)"),
            tuple("templateVersion", "'1.0' is not a version range; expected a version such as 1.0.0, or comparisons"
                + " such as '>=1.0.0 <2.0.0' (>=, >, <=, <, =)"),
            tuple("values.Min Age", "'Min Age' is not a valid parameter name; use lower-case letters, digits, '.', '_'"
                + " or '-' (at most 64 characters)"),
            tuple("values.bp-max-age", "must not be blank"),
            tuple("notes", "must not be blank"));
  }

  /* ------------------------------------------------------------------ resolved values */

  @Test
  void parameterValueBuild_valueNotOfTheParameter_rejectsValue() {
    assertProblems(() -> ParameterValue.builder().parameter(integer("min-age").max("21").build()).value("30")
        .origin(ValueOrigin.PROFILE).build())
        .containsExactly(tuple("value", "'30' is above the maximum of parameter 'min-age' (21)"));
  }

  @Test
  void parameterValueBuild_valueNotInCanonicalForm_rejectsValue() {
    assertProblems(() -> ParameterValue.builder().parameter(duration("bp-max-age").build()).value("60 min")
        .origin(ValueOrigin.PROFILE).build())
        .containsExactly(tuple("value", "must be written in canonical form, '1 h'"));
  }

  @Test
  void parameterValue_typedAccessorOfAnotherType_throws() {
    ParameterValue v = ParameterValue.builder().parameter(duration("bp-max-age").build()).value("1 h")
        .origin(ValueOrigin.PROFILE).build();

    assertThat(v.asDuration()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(v::asInteger)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parameter 'bp-max-age' is of type DURATION, not INTEGER");
  }

  @Test
  void resolvedProtocolBuild_valuesThatDoNotMatchTheParameters_rejectsValues() {
    ProtocolTemplate t = withAgeParameter(integer("min-age").build()).build();

    assertProblems(() -> ResolvedProtocol.builder().template(t).build())
        .containsExactly(tuple("values", "must hold one value for each parameter of the template, in the order it declares them"));
  }

  @Test
  void resolvedProtocolBuild_valueTheTemplateDoesNotHold_rejectsValues() {
    Parameter p = integer("min-age").build();
    ProtocolTemplate t = withAgeParameter(p).build();

    assertProblems(() -> ResolvedProtocol.builder().template(t)
        .values(List.of(ParameterValue.builder().parameter(p).value("21").origin(ValueOrigin.PROFILE).build())).build())
        .containsExactly(tuple("values", "the value of parameter 'min-age' is 21, but the template holds 18 at " + AGE));
  }

  @Test
  void unit_readsSymbolOrUcumCodeAndRefusesOthers() {
    assertThat(Unit.parse("mm[Hg]")).isEqualTo(Unit.MMHG);
    assertThat(Unit.parse("mmHg").symbol()).isEqualTo("mmHg");
    assertThatThrownBy(() -> Unit.parse("kPa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown unit 'kPa'; expected one of mg, mg/kg");
  }
}
