package org.kapsdk.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.lint.LintFinding;
import org.kapsdk.core.lint.LintReport;
import org.kapsdk.core.lint.LintSeverity;
import org.kapsdk.core.lint.Linter;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Codes;
import org.kapsdk.core.model.ConditionPresent;
import org.kapsdk.core.model.DeviceDose;
import org.kapsdk.core.model.DoseRange;
import org.kapsdk.core.model.DosingSpec;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.IntegrationKind;
import org.kapsdk.core.model.IntegrationStep;
import org.kapsdk.core.model.MonitoredObservation;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.MonitoringPlan;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.Phase;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Quantity;
import org.kapsdk.core.model.Repeat;
import org.kapsdk.core.model.Route;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionKind;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.Severity;
import org.kapsdk.core.model.TemplateStatus;
import org.kapsdk.core.model.TimeAnchor;
import org.kapsdk.core.model.TrendDirection;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * What a protocol author does in code: build a template with the fluent builders, write it as
 * YAML and read it back, see every structural problem of a broken one at once, then lint a
 * dosing template for clinical consistency and fix what the linter finds.
 *
 * <p>The dosing template is a small esketamine induction (twice weekly for 4 weeks, 56-84 mg in 28 mg
 * devices 5 min apart) whose numbers all come from the clinical reference, each rule citing its
 * source (PI, REMS-FDA, REMS-PMF). Its first draft forgets the post-dose monitoring plan; the
 * linter says so, and the fixed draft adds 2 h of monitoring with blood pressure at 0 and 40 min
 * and continuous pulse oximetry. Sample content, not medical advice.
 */
public final class AuthorAndLint {
  private static final Code SPRAVATO = Code.of("http://hl7.org/fhir/sid/ndc", "50458-028",
      "SPRAVATO (esketamine) nasal spray, 28 mg device");
  private static final Code ANEURYSMAL_VASCULAR_DISEASE = Code.of("urn:kapsdk:sample:condition",
      "aneurysmal-vascular-disease", "Aneurysmal vascular disease or arteriovenous malformation");

  private AuthorAndLint() {}

  /** Runs the sample, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the sample, printing to the given stream; returns the lint reports before and after the fix. */
  public static LintReport[] run(PrintStream out) {
    // The README's first example, as it stands there.
    ProtocolTemplate template = ProtocolTemplate.builder()
        .id("kap-intake-demo").version("1.0.0").title("KAP intake demo").status(TemplateStatus.DRAFT)
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addPhase(Phase.builder().id("intake").title("Intake")
            .addSession(SessionTemplate.builder().id("screening").kind(SessionKind.SCREENING)
                .title("Medical and psychiatric screening").build())
            .build())
        .build();
    String yaml = ProtocolFiles.write(template, DocumentFormat.YAML);
    ProtocolTemplate again = ProtocolFiles.read(yaml, DocumentFormat.YAML, "<memory>");
    out.println("YAML round trip equal: " + again.equals(template));
    out.print(yaml);

    List<Problem> problems = problemsOfABrokenTemplate();
    out.println("a broken template reports " + problems.size() + " problems at build():");
    problems.forEach(p -> out.println("  " + p));

    LintReport before = Linter.lint(template(false));
    print(out, "first draft", before);
    LintReport after = Linter.lint(template(true));
    print(out, "with a monitoring plan", after);
    return new LintReport[] {before, after};
  }

  private static void print(PrintStream out, String label, LintReport report) {
    out.println("lint, " + label + ": " + report.count(LintSeverity.ERROR) + " errors, "
        + report.count(LintSeverity.WARNING) + " warnings, " + report.count(LintSeverity.INFO) + " infos");
    for (LintFinding f : report.findings()) {
      out.println("  " + f.describe());
    }
  }

  /** The template is structurally valid either way; only the linter sees the missing monitoring. */
  static ProtocolTemplate template(boolean withMonitoring) {
    SessionTemplate.Builder dose = SessionTemplate.builder()
        .id("induction-dose")
        .kind(SessionKind.DOSING)
        .title("Induction dose")
        .repeat(Repeat.builder().timesPerWeek(2).weeks(4).build())
        .dosing(DosingSpec.builder()
            .medication(SPRAVATO)
            .route(Route.INTRANASAL)
            .dose(DeviceDose.builder().perDevice(mg(28)).devices(2).betweenDevices(Duration.ofMinutes(5)).build())
            .allowedRange(DoseRange.builder().min(mg(56)).max(mg(84)).build())
            .addTitrationSteps(mg(56), mg(84))
            .maxPerSession(mg(84))
            .build())
        .addIntegrationStep(IntegrationStep.builder()
            .id("rems-monitoring-form").kind(IntegrationKind.FORM).title("SPRAVATO REMS Patient Monitoring Form")
            .earliest(Duration.ZERO).latest(Duration.ofDays(7)).build());
    if (withMonitoring) {
      dose.monitoring(MonitoringPlan.builder()
          .from(TimeAnchor.FIRST_ADMINISTRATION)
          .minimumDuration(Duration.ofHours(2))
          .addObservation(MonitoredObservation.builder().code(Codes.SYSTOLIC_BP)
              .addAt(Duration.ZERO, Duration.ofMinutes(40)).build())
          .addObservation(MonitoredObservation.builder().code(Codes.DIASTOLIC_BP)
              .addAt(Duration.ZERO, Duration.ofMinutes(40)).build())
          .addObservation(MonitoredObservation.builder().code(Codes.SPO2_PULSE_OXIMETRY).continuous(true).build())
          .endsWhen(systolicFallingOrStable())
          .build());
    }
    return ProtocolTemplate.builder()
        .id("esketamine-induction-demo")
        .version("1.0.0")
        .title("Esketamine induction, authored in code")
        .status(TemplateStatus.DRAFT)
        .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
        .addEvidence(
            evidence("PI", "SPRAVATO (esketamine) nasal spray, US Prescribing Information"),
            evidence("REMS-FDA", "REMS@FDA, SPRAVATO REMS"),
            evidence("REMS-PMF", "SPRAVATO REMS Patient Monitoring Form"))
        .addPhase(Phase.builder().id("induction").title("Induction, weeks 1-4").addSession(dose.build()).build())
        .addRule(Rule.builder().id("CI-ANEURYSM").severity(Severity.BLOCK).gate(Gate.ELIGIBILITY)
            .message("Aneurysmal vascular disease or arteriovenous malformation: esketamine is contraindicated.")
            .addEvidence("PI")
            .forbid(ConditionPresent.builder().label("aneurysmal vascular disease or AV malformation")
                .addCode(ANEURYSMAL_VASCULAR_DISEASE).build())
            .build())
        .addRule(Rule.builder().id("REMS-SETTING").severity(Severity.BLOCK).gate(Gate.PRE_DOSE)
            .message("A prescriber and a pulse oximeter must be on site before the dose.")
            .addEvidence("REMS-FDA")
            .require(AttestationPresent.builder().attestation("rems-prescriber-and-pulse-oximeter-on-site").build())
            .build())
        .addRule(Rule.builder().id("DISCHARGE-MIN-2H").severity(Severity.BLOCK).gate(Gate.DISCHARGE)
            .message("Observation has lasted {elapsed}; at least 2 h from the first device is required.")
            .addEvidence("PI", "REMS-FDA")
            .require(MonitoringElapsed.builder().from(TimeAnchor.FIRST_ADMINISTRATION).atLeast(Duration.ofHours(2)).build())
            .build())
        .addRule(Rule.builder().id("DISCHARGE-BP").severity(Severity.BLOCK).gate(Gate.DISCHARGE)
            .message("Blood pressure is not yet falling or stable; continue monitoring.")
            .addEvidence("PI")
            .overridable(true)
            .require(systolicFallingOrStable())
            .build())
        .build();
  }

  private static ObservationTrend systolicFallingOrStable() {
    return ObservationTrend.builder().code(Codes.SYSTOLIC_BP).direction(TrendDirection.FALLING_OR_STABLE)
        .within(Duration.ofHours(2)).build();
  }

  private static Evidence evidence(String key, String citation) {
    return Evidence.builder().key(key).citation(citation).jurisdiction("US").confirmed(true).build();
  }

  private static Quantity mg(int amount) {
    return Quantity.parse(amount + " mg");
  }

  private static List<Problem> problemsOfABrokenTemplate() {
    try {
      ProtocolTemplate.builder()
          .id("Not A Valid Id")
          .version("1.0")
          .title("Broken")
          .status(TemplateStatus.DRAFT)
          .addIndication(Codes.MAJOR_DEPRESSIVE_DISORDER)
          .build();
      throw new AssertionError("the template above is invalid and must not build");
    } catch (ValidationException e) {
      return e.problems();
    }
  }
}
