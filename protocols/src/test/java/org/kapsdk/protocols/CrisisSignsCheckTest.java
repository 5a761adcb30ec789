package org.kapsdk.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kapsdk.core.facts.Attestation;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.facts.SessionRecord;
import org.kapsdk.core.gate.ExtensionContext;
import org.kapsdk.core.gate.ExtensionResult;
import org.kapsdk.core.gate.Truth;
import org.kapsdk.core.model.ProtocolTemplate;

/**
 * The clinician's crisis-signs statement that counts is the latest one recorded between the start
 * of the current session and the evaluation instant, both included; anything else is UNKNOWN, so
 * the BLOCK rule blocks. The scenario suites cover the usual cases; these pin the edges.
 */
class CrisisSignsCheckTest {
  private static final Instant NOW = Instant.parse("2026-04-06T15:00:00Z");
  private static final SessionRecord SESSION = SessionRecord.builder().id("dose-1").template("induction-dose")
      .start(NOW.minus(minutes(50))).build();
  private static final CrisisSignsCheck CHECK = new CrisisSignsCheck();

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  private static Attestation signs(Instant at) {
    return Attestation.builder().key(CrisisSignsCheck.SIGNS_OBSERVED).recordedAt(at).build();
  }

  private static Attestation noSigns(Instant at) {
    return Attestation.builder().key(CrisisSignsCheck.NO_SIGNS).recordedAt(at).build();
  }

  private static ExtensionResult evaluate(Optional<SessionRecord> session, Attestation... statements) {
    PatientFacts facts = PatientFacts.builder().patientId("crisis-unit-001").ageYears(40)
        .addAttestations(statements).build();
    return CHECK.evaluate(new ExtensionContext() {
      @Override
      public Map<String, String> parameters() {
        return Map.of();
      }

      @Override
      public Instant at() {
        return NOW;
      }

      @Override
      public PatientFacts facts() {
        return facts;
      }

      @Override
      public Optional<SessionRecord> session() {
        return session;
      }

      @Override
      public ProtocolTemplate template() {
        throw new UnsupportedOperationException("the check must not need the template");
      }
    });
  }

  private static ExtensionResult evaluate(Attestation... statements) {
    return evaluate(Optional.of(SESSION), statements);
  }

  @Test
  void noCurrentSession_isUnknown_evenWithAStatement() {
    ExtensionResult r = evaluate(Optional.empty(), noSigns(NOW.minus(minutes(1))));

    assertThat(r.truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(r.missingFacts()).containsExactly("the current session");
  }

  @Test
  void noStatement_orOnlyOtherAttestations_isUnknown() {
    Attestation other = Attestation.builder().key("rems-patient-enrolled").recordedAt(NOW.minus(minutes(1))).build();

    assertThat(evaluate().truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(evaluate(other).truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void latestStatementWins_byTime_notByListOrder() {
    // The clinician saw signs, then saw them resolve: the later "absent" counts, in either order.
    assertThat(evaluate(signs(NOW.minus(minutes(20))), noSigns(NOW.minus(minutes(5)))).truth()).isEqualTo(Truth.FALSE);
    assertThat(evaluate(noSigns(NOW.minus(minutes(5))), signs(NOW.minus(minutes(20)))).truth()).isEqualTo(Truth.FALSE);
    // And the other way round: signs recorded after an earlier "absent" hold.
    assertThat(evaluate(signs(NOW.minus(minutes(5))), noSigns(NOW.minus(minutes(20)))).truth()).isEqualTo(Truth.TRUE);
  }

  @Test
  void statementAfterTheEvaluationInstant_doesNotCount() {
    assertThat(evaluate(noSigns(NOW.plusSeconds(1))).truth()).as("only a later 'absent'").isEqualTo(Truth.UNKNOWN);
    assertThat(evaluate(signs(NOW.minus(minutes(5))), noSigns(NOW.plusSeconds(1))).truth())
        .as("signs before the instant, 'absent' after it").isEqualTo(Truth.TRUE);
  }

  @Test
  void statementBeforeTheSessionStarted_doesNotCount() {
    assertThat(evaluate(noSigns(SESSION.start().minusSeconds(1))).truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void statementsAtTheSessionStartOrAtTheInstant_count() {
    assertThat(evaluate(noSigns(SESSION.start())).truth()).as("at the session start").isEqualTo(Truth.FALSE);
    assertThat(evaluate(signs(SESSION.start()), noSigns(NOW)).truth()).as("at the instant").isEqualTo(Truth.FALSE);
    assertThat(evaluate(noSigns(SESSION.start()), signs(NOW)).truth()).as("signs at the instant").isEqualTo(Truth.TRUE);
  }

  @Test
  void knownResults_sayWhatWasRecorded() {
    assertThat(evaluate(signs(NOW.minus(minutes(1)))).factsUsed()).containsExactly("signs of hypertensive crisis recorded");
    assertThat(evaluate(noSigns(NOW.minus(minutes(1)))).factsUsed()).containsExactly("no signs of hypertensive crisis recorded");
  }

  @Test
  void isRegisteredUnderTheNameTheBuiltInsUse() {
    assertThat(CHECK.name()).isEqualTo("kapsdk.hypertensive-crisis-signs");
    assertThat(List.of(CrisisSignsCheck.SIGNS_OBSERVED, CrisisSignsCheck.NO_SIGNS))
        .containsExactly("hypertensive-crisis-signs-observed", "hypertensive-crisis-signs-absent");
  }
}
