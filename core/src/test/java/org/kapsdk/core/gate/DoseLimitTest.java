package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.kapsdk.core.gate.GateTesting.ESKETAMINE;
import static org.kapsdk.core.gate.GateTesting.RULE;
import static org.kapsdk.core.gate.GateTesting.SERTRALINE;
import static org.kapsdk.core.gate.GateTesting.admin;
import static org.kapsdk.core.gate.GateTesting.ago;
import static org.kapsdk.core.gate.GateTesting.current;
import static org.kapsdk.core.gate.GateTesting.d;
import static org.kapsdk.core.gate.GateTesting.evaluate;
import static org.kapsdk.core.gate.GateTesting.facts;
import static org.kapsdk.core.gate.GateTesting.later;
import static org.kapsdk.core.gate.GateTesting.obs;
import static org.kapsdk.core.gate.GateTesting.preDose;
import static org.kapsdk.core.gate.GateTesting.q;
import static org.kapsdk.core.gate.GateTesting.request;
import static org.kapsdk.core.gate.GateTesting.rule;
import static org.kapsdk.core.gate.GateTesting.sessionRecord;
import static org.kapsdk.core.gate.GateTesting.withDoseRules;
import static org.kapsdk.core.gate.GateTesting.withRules;

import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.DoseLimit;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.LimitPeriod;

class DoseLimitTest {

  private static DoseLimit limit(LimitPeriod period, String maximum) {
    return DoseLimit.builder().period(period).maximum(q(maximum)).build();
  }

  private static DoseLimit perKg(String maximum) {
    return DoseLimit.builder().period(LimitPeriod.SESSION).maximum(q(maximum)).weightMaxAge(d("7 d")).build();
  }

  /** A PRE_DOSE rule of {@code dose} requiring the limit, for current session s-now, with the planned dose. */
  private static Finding preDoseLimit(DoseLimit c, String planned, PatientFacts facts) {
    return evaluate(withDoseRules(rule(RULE, Gate.PRE_DOSE).require(c).message("Total {value} above {threshold}").build()),
        preDose(facts).plannedDose(q(planned)).build());
  }

  private static SessionRecord earlier(String id, String start, String... amounts) {
    SessionRecord.Builder b = sessionRecord(id, "dose", ago(start)).end(ago(start).plus(d("2 h")));
    for (int i = 0; i < amounts.length; i++) {
      b.addAdministrations(admin(amounts[i], ago(start).plus(d((5 * i) + " min"))));
    }
    return b.build();
  }

  private static Observation weight(String value, String ago) {
    return obs(Codes.BODY_WEIGHT, value, ago(ago));
  }

  @Test
  void perSession_givenPlusPlannedAtMaximum_holds() {
    Finding f = preDoseLimit(limit(LimitPeriod.SESSION, "84 mg"), "56 mg",
        facts().addSessions(current(admin("28 mg", ago("10 min")))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("planned dose", "56 mg"), tuple("already given in this session", "28 mg"));
  }

  @Test
  void perSession_givenPlusPlannedAboveMaximum_fails() {
    Finding f = preDoseLimit(limit(LimitPeriod.SESSION, "84 mg"), "84 mg",
        facts().addSessions(current(admin("28 mg", ago("10 min")))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Total 112 mg above 84 mg");
  }

  @Test
  void perSession_plannedDoseMissingAtPreDose_isUnknown() {
    Finding f = evaluate(withDoseRules(rule(RULE, Gate.PRE_DOSE).require(limit(LimitPeriod.SESSION, "84 mg")).build()),
        request(Gate.PRE_DOSE, facts().addSessions(current()).build()).session("s-now").build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("planned dose");
  }

  @Test
  void perSession_plannedDoseNotInMg_isUnknown() {
    Finding f = preDoseLimit(limit(LimitPeriod.SESSION, "84 mg"), "0.5 mg/kg", facts().addSessions(current()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("planned dose in mg (given in mg/kg)");
  }

  @Test
  void perSession_administeredAmountNotInMg_isUnknown() {
    Finding f = preDoseLimit(limit(LimitPeriod.SESSION, "84 mg"), "28 mg",
        facts().addSessions(current(admin("0.2 mg/kg", ago("10 min")))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("administered amounts in mg (one recorded in mg/kg)");
  }

  @Test
  void perSession_withoutCurrentSession_isUnknown() {
    Finding f = evaluate(withRules(rule(RULE, Gate.COURSE).require(limit(LimitPeriod.SESSION, "84 mg")).build()),
        request(Gate.COURSE, facts().build()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("current session");
  }

  @Test
  void perDay_doseWithinLast24h_isCounted() {
    Finding f = preDoseLimit(limit(LimitPeriod.DAY, "84 mg"), "56 mg",
        facts().addSessions(current(), earlier("s-1", "12 h", "28 mg", "28 mg")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Total 112 mg above 84 mg");
  }

  @Test
  void perDay_doseExactly24hAgo_isCounted() {
    Finding f = preDoseLimit(limit(LimitPeriod.DAY, "84 mg"), "56 mg",
        facts().addSessions(current(), earlier("s-1", "24 h", "28 mg", "28 mg")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Total 112 mg above 84 mg");
  }

  @Test
  void perDay_doseMoreThan24hAgo_isNotCounted() {
    Finding f = preDoseLimit(limit(LimitPeriod.DAY, "84 mg"), "56 mg",
        facts().addSessions(current(), earlier("s-1", "25 h", "28 mg", "28 mg")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("planned dose", "56 mg"), tuple("already given in 24 h", "0 mg"));
  }

  @Test
  void perWeek_dosesWithin7dUpToMaximum_holds() {
    Finding f = preDoseLimit(limit(LimitPeriod.WEEK, "168 mg"), "56 mg",
        facts().addSessions(current(), earlier("s-1", "3 d", "56 mg"), earlier("s-2", "6 d", "56 mg"),
            earlier("s-0", "8 d", "84 mg")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::value).containsExactly("56 mg", "112 mg");
  }

  @Test
  void perWeek_dosesWithin7dAboveMaximum_fails() {
    Finding f = preDoseLimit(limit(LimitPeriod.WEEK, "168 mg"), "56 mg",
        facts().addSessions(current(), earlier("s-1", "3 d", "56 mg"), earlier("s-2", "6 d", "84 mg")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Total 196 mg above 168 mg");
  }

  @Test
  void perCourse_everyEarlierDoseIsCounted() {
    Finding f = preDoseLimit(limit(LimitPeriod.COURSE, "200 mg"), "56 mg",
        facts().addSessions(current(), earlier("s-1", "30 d", "84 mg"), earlier("s-2", "60 d", "84 mg")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Total 224 mg above 200 mg");
  }

  @Test
  void cumulative_administrationAfterEvaluationInstant_isNotCounted() {
    SessionRecord planned = sessionRecord("s-9", "dose", later("1 d")).addAdministrations(admin("84 mg", later("1 d"))).build();

    Finding f = preDoseLimit(limit(LimitPeriod.COURSE, "200 mg"), "56 mg", facts().addSessions(current(), planned).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void cumulative_administrationOfUnknownMedication_isCounted() {
    // A follow-up session doses nothing, so an administration there without a medication is of unknown medication.
    SessionRecord unknown = sessionRecord("f-1", "follow-up", ago("6 h")).end(ago("5 h"))
        .addAdministrations(admin("56 mg", ago("6 h"))).build();

    Finding f = preDoseLimit(limit(LimitPeriod.DAY, "84 mg"), "56 mg", facts().addSessions(current(), unknown).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void cumulative_administrationOfOtherNamedMedication_isNotCounted() {
    SessionRecord other = sessionRecord("f-1", "follow-up", ago("6 h")).end(ago("5 h"))
        .addAdministrations(admin("100 mg", ago("6 h"), SERTRALINE)).build();

    Finding f = preDoseLimit(limit(LimitPeriod.DAY, "84 mg"), "56 mg", facts().addSessions(current(), other).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void cumulative_withoutCurrentSessionAtCourseGate_sumsGivenDoses() {
    DoseLimit course = DoseLimit.builder().period(LimitPeriod.COURSE).maximum(q("150 mg")).medication(ESKETAMINE).build();

    Finding f = evaluate(withRules(rule(RULE, Gate.COURSE).require(course).build()),
        request(Gate.COURSE, facts().addSessions(earlier("s-1", "3 d", "84 mg"), earlier("s-2", "6 d", "84 mg")).build())
            .build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("already given in the course", "168 mg"));
  }

  @Test
  void weightBased_withinMgPerKgMaximum_holds() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "40 mg",
        facts().addSessions(current()).addObservations(weight("80 kg", "2 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.factsUsed()).extracting(FactUse::label, FactUse::value)
        .containsExactly(tuple("body weight", "80 kg"), tuple("planned dose", "40 mg"));
  }

  @Test
  void weightBased_aboveMgPerKgMaximum_fails() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "42 mg",
        facts().addSessions(current()).addObservations(weight("80 kg", "2 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("Total 42 mg above 0.5 mg/kg");
  }

  @Test
  void weightBased_weightInPounds_isConvertedToKg() {
    // 176 lb = 79.8 kg, so at most 39.9 mg; read as kg it would allow 88 mg.
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "60 mg",
        facts().addSessions(current()).addObservations(weight("176 lb", "2 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void weightBased_weightInPoundsWithinConvertedMaximum_holds() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "39 mg",
        facts().addSessions(current()).addObservations(weight("176 lb", "2 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void weightBased_latestWeightIsUsed() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "45 mg", facts().addSessions(current())
        .addObservations(weight("100 kg", "6 d"), weight("80 kg", "1 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void weightBased_noWeight_isUnknown() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "40 mg", facts().addSessions(current()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("body weight no older than 1 wk");
  }

  @Test
  void weightBased_staleWeight_isUnknown() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "10 mg",
        facts().addSessions(current()).addObservations(weight("80 kg", "8 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("body weight no older than 1 wk");
  }

  @Test
  void weightBased_weightInOtherUnit_isUnknown() {
    Finding f = preDoseLimit(perKg("0.5 mg/kg"), "10 mg",
        facts().addSessions(current()).addObservations(weight("80 %", "1 d")).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("body weight in kg or lb (recorded in %)");
  }

  @Test
  void perSession_negativePlannedDose_isUnknownNotSubtracted() {
    Finding f = preDoseLimit(limit(LimitPeriod.SESSION, "84 mg"), "-28 mg",
        facts().addSessions(current(admin("56 mg", ago("20 min")), admin("56 mg", ago("10 min")))).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(f.missingFacts()).containsExactly("a positive planned dose (given -28 mg)");
  }

  @Test
  void perSession_zeroPlannedDose_isUnknown() {
    Finding f = preDoseLimit(limit(LimitPeriod.SESSION, "84 mg"), "0 mg", facts().addSessions(current()).build());

    assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
  }
}
