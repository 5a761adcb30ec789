package org.kapsdk.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.kapsdk.core.facts.Administration;
import org.kapsdk.core.facts.AssessmentResult;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.Observation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.internal.DurationText;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.CumulativeLimit;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.LimitPeriod;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Small templates, facts and requests for the safety-gate tests. Every template has a screening
 * phase (session template {@code screen}) and an induction phase (dosing session template
 * {@code dose}, esketamine, 84 mg per session, 84 mg per day, 168 mg per week, 1000 mg per
 * course; and a follow-up session template {@code follow-up}). All times are relative to
 * {@link #T0}, the evaluation instant unless a test says otherwise.
 */
final class GateTesting {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  static final Code ESKETAMINE = Code.of("urn:kapsdk:test:medication", "esketamine", "Esketamine");
  static final Code KETAMINE = Code.of("urn:kapsdk:test:medication", "ketamine", "Ketamine");
  static final Code PHENELZINE = Code.of("urn:kapsdk:test:medication", "phenelzine", "Phenelzine");
  static final Code SERTRALINE = Code.of("urn:kapsdk:test:medication", "sertraline", "Sertraline");
  static final Code ANEURYSM = Codes.snomed("432119003", "Aneurysm");
  static final String RULE = "R-1";

  private GateTesting() {}

  /* ------------------------------------------------------------------ leaves */

  static Duration d(String text) {
    return DurationText.parse(text);
  }

  static Quantity q(String text) {
    return Quantity.parse(text);
  }

  /** T0 minus a duration such as {@code "40 min"}. */
  static Instant ago(String duration) {
    return T0.minus(d(duration));
  }

  /** T0 plus a duration such as {@code "40 min"}. */
  static Instant later(String duration) {
    return T0.plus(d(duration));
  }

  /* ------------------------------------------------------------------ templates */

  static Evidence label() {
    return Evidence.builder().key("PI").citation("Spravato prescribing information").section("5.1")
        .jurisdiction("US").confirmed(true).build();
  }

  static Evidence rems() {
    return Evidence.builder().key("REMS").citation("Spravato REMS").jurisdiction("US").build();
  }

  /** A BLOCK rule citing PI, with a message using {value} and {threshold}; add require or forbid. */
  static Rule.Builder rule(String id, Gate gate) {
    return Rule.builder().id(id).severity(Severity.BLOCK).gate(gate)
        .message("Failed: {value} against {threshold}").addEvidence("PI");
  }

  static Rule require(String id, Gate gate, Condition c) {
    return rule(id, gate).require(c).build();
  }

  static Rule forbid(String id, Gate gate, Condition c) {
    return rule(id, gate).forbid(c).build();
  }

  static DosingSpec.Builder dosing() {
    return DosingSpec.builder()
        .medication(ESKETAMINE)
        .route(Route.INTRANASAL)
        .dose(DeviceDose.builder().perDevice(q("28 mg")).devices(2).betweenDevices(d("5 min")).build())
        .maxPerSession(q("84 mg"))
        .addCumulativeLimit(CumulativeLimit.builder().period(LimitPeriod.DAY).maximum(q("84 mg")).build())
        .addCumulativeLimit(CumulativeLimit.builder().period(LimitPeriod.WEEK).maximum(q("168 mg")).build())
        .addCumulativeLimit(CumulativeLimit.builder().period(LimitPeriod.COURSE).maximum(q("1000 mg")).build());
  }

  static SessionTemplate.Builder doseSession(Rule... rules) {
    return SessionTemplate.builder().id("dose").kind(SessionKind.DOSING).title("Dose")
        .dosing(dosing().build()).addRules(rules);
  }

  static ProtocolTemplate.Builder template(SessionTemplate dose) {
    return ProtocolTemplate.builder()
        .id("gate-test")
        .version("1.0.0")
        .title("Gate test protocol")
        .status(TemplateStatus.DRAFT)
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(label(), rems())
        .addPhases(
            Phase.builder().id("screening").title("Screening")
                .addSessions(SessionTemplate.builder().id("screen").kind(SessionKind.SCREENING).title("Screen").build())
                .build(),
            Phase.builder().id("induction").title("Induction")
                .addSessions(dose,
                    SessionTemplate.builder().id("follow-up").kind(SessionKind.FOLLOW_UP).title("Follow-up").build())
                .build());
  }

  /** The base template with the given template-level rules. */
  static ProtocolTemplate withRules(Rule... rules) {
    return template(doseSession().build()).addRules(rules).build();
  }

  /** The base template with the given rules on the dosing session template {@code dose}. */
  static ProtocolTemplate withDoseRules(Rule... rules) {
    return template(doseSession(rules).build()).build();
  }

  static SafetyGate compile(ProtocolTemplate t) {
    return SafetyGate.compile(t, ConditionExtensions.none());
  }

  /* ------------------------------------------------------------------ facts */

  static PatientFacts.Builder facts() {
    return PatientFacts.builder().patientId("pt-7f3a9c");
  }

  static Observation obs(Code code, String value, Instant at) {
    return Observation.builder().code(code).value(q(value)).at(at).build();
  }

  static Observation systolic(String value, Instant at) {
    return obs(Codes.SYSTOLIC_BP, value, at);
  }

  static Administration admin(String amount, Instant at) {
    return Administration.builder().amount(q(amount)).at(at).build();
  }

  static Administration admin(String amount, Instant at, Code medication) {
    return Administration.builder().amount(q(amount)).at(at).medication(medication).build();
  }

  static SessionRecord.Builder sessionRecord(String id, String template, Instant start) {
    return SessionRecord.builder().id(id).template(template).start(start);
  }

  /** The current dosing session {@code s-now}, started 30 min before T0, with the given administrations. */
  static SessionRecord current(Administration... given) {
    return sessionRecord("s-now", "dose", ago("30 min")).addAdministrations(given).build();
  }

  static AssessmentResult assessment(Instrument instrument, Instant at, int... items) {
    return AssessmentResult.builder().instrument(instrument).at(at).addItems(items).build();
  }

  static Attestation attestation(String key, Instant recordedAt) {
    return Attestation.builder().key(key).recordedAt(recordedAt).build();
  }

  static Attestation attestation(String key, Instant recordedAt, Instant stated) {
    return Attestation.builder().key(key).recordedAt(recordedAt).instant(stated).build();
  }

  /* ------------------------------------------------------------------ requests */

  static GateRequest.Builder request(Gate gate, PatientFacts facts) {
    return GateRequest.builder().gate(gate).at(T0).facts(facts);
  }

  /** A PRE_DOSE request for the current session {@code s-now}, planning 56 mg. */
  static GateRequest.Builder preDose(PatientFacts facts) {
    return request(Gate.PRE_DOSE, facts).session("s-now").plannedDose(q("56 mg"));
  }

  /** Evaluates one template-level ELIGIBILITY rule requiring the condition; returns its finding. */
  static Finding requireAtEligibility(Condition c, PatientFacts facts) {
    return evaluate(withRules(require(RULE, Gate.ELIGIBILITY, c)), request(Gate.ELIGIBILITY, facts).build());
  }

  /** Evaluates one rule on session template {@code dose} requiring the condition at DISCHARGE of {@code s-now}. */
  static Finding requireAtDischarge(Condition c, PatientFacts facts) {
    return evaluate(withDoseRules(require(RULE, Gate.DISCHARGE, c)),
        request(Gate.DISCHARGE, facts).session("s-now").build());
  }

  /** The finding of {@link #RULE}. */
  static Finding evaluate(ProtocolTemplate t, GateRequest request) {
    return compile(t).evaluate(request).finding(RULE).orElseThrow();
  }

  /**
   * Everything a verdict says, as text: gate, instant, outcome, and per finding its id, outcomes,
   * message, facts used, missing facts, threshold and override. Equal text, equal verdict content.
   */
  static List<String> content(Verdict v) {
    List<String> out = new java.util.ArrayList<>();
    out.add(v.gate() + " " + v.at() + " " + v.outcome() + " " + v.templateId() + "@" + v.templateVersion());
    for (Finding f : v.findings()) {
      out.add(f.ruleId() + " " + f.outcome() + "/" + f.evaluatedOutcome() + " " + f.severity() + " | " + f.message()
          + " | used " + f.factsUsed() + " | missing " + f.missingFacts() + " | " + f.threshold()
          + " | evidence " + f.evidence().stream().map(Evidence::key).toList() + " | override " + f.override());
    }
    return out;
  }

  /* ------------------------------------------------------------------ assertions */

  /** Runs the call, asserts a {@link ValidationException}, and asserts on its (path, message) problems. */
  static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertProblems(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(ValidationException.class);
    return assertThat(((ValidationException) thrown).problems()).extracting(Problem::path, Problem::message);
  }
}
