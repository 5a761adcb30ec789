package org.kapsdk.core.course;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kapsdk.core.facts.FactChecks;
import org.kapsdk.core.gate.VerdictOutcome;
import org.kapsdk.core.internal.DeferredValidation;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.StructuralChecks;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.Problems;
import org.kapsdk.core.validation.ValidationException;

/**
 * Structural checks of course events: what no event may ever hold, whatever the course (blank
 * ids, a reason that is blank, multi-line or longer than {@value #MAX_REASON_LENGTH} characters,
 * a calendar with every weekday closed, a BLOCKED gate check without a blocking rule). Whether an
 * event fits the course so far is {@link CourseRecord#append}'s question, not this one.
 *
 * <p>Messages name paths relative to the event and never echo patient data.
 */
public final class CourseChecks {
  /** The longest reason accepted: reasons are short codes or texts, never notes. */
  public static final int MAX_REASON_LENGTH = 200;

  private CourseChecks() {}

  /** Every structural problem of an event, nested readings, results and codes included. */
  public static List<Problem> problemsOf(CourseEvent event) {
    Problems p = new Problems();
    event(p, event);
    return p.toList();
  }

  static void check(CourseEvent event) {
    DeferredValidation.checkNow(event, CourseChecks::problemsOf);
  }

  private static void event(Problems p, CourseEvent e) {
    optionalText(p, "by", e.by());
    if (e instanceof CourseStarted x) {
      text(p, "courseId", x.courseId());
      text(p, "patientId", x.patientId());
      text(p, "templateId", x.templateId());
      text(p, "templateVersion", x.templateVersion());
      p.require(x.closedWeekdays().size() < 7, "closedWeekdays", "must leave at least one weekday open");
    } else if (e instanceof SessionScheduled x) {
      text(p, "sessionId", x.sessionId());
      text(p, "template", x.template());
      optionalText(p, "planItemId", x.planItemId());
    } else if (e instanceof SessionStarted x) {
      text(p, "sessionId", x.sessionId());
    } else if (e instanceof SessionCompleted x) {
      text(p, "sessionId", x.sessionId());
    } else if (e instanceof SessionMissed x) {
      text(p, "sessionId", x.sessionId());
      reason(p, x.reason());
    } else if (e instanceof SessionCancelled x) {
      text(p, "sessionId", x.sessionId());
      reason(p, x.reason());
    } else if (e instanceof DoseAdministered x) {
      text(p, "sessionId", x.sessionId());
      optionalText(p, "lot", x.lot());
      optionalText(p, "witness", x.witness());
      x.medication().ifPresent(c -> code(p, "medication", c));
    } else if (e instanceof ObservationRecorded x) {
      code(p, "observation.code", x.observation().code());
      optionalText(p, "sessionId", x.sessionId());
    } else if (e instanceof AssessmentRecorded x) {
      for (Problem problem : FactChecks.problemsOf(x.result())) {
        Problem placed = problem.under("result");
        p.add(placed.path(), placed.message());
      }
      optionalText(p, "sessionId", x.sessionId());
    } else if (e instanceof AdverseEventRecorded x) {
      code(p, "code", x.code());
      optionalText(p, "sessionId", x.sessionId());
    } else if (e instanceof IntegrationStepCompleted x) {
      text(p, "sessionId", x.sessionId());
      text(p, "stepId", x.stepId());
    } else if (e instanceof GateChecked x) {
      gateChecked(p, x);
    } else if (e instanceof CoursePaused x) {
      reason(p, x.reason());
    } else if (e instanceof CourseDiscontinued x) {
      reason(p, x.reason());
    } else if (e instanceof PhaseChanged x) {
      text(p, "toPhase", x.toPhase());
      reason(p, x.reason());
    }
    // OverrideRecorded: the override checks itself when built; CourseResumed holds nothing else.
  }

  private static void gateChecked(Problems p, GateChecked x) {
    optionalText(p, "sessionId", x.sessionId());
    ruleIds(p, "blockingRuleIds", x.blockingRuleIds());
    ruleIds(p, "overriddenRuleIds", x.overriddenRuleIds());
    if (x.outcome() == VerdictOutcome.BLOCKED) {
      p.require(!x.blockingRuleIds().isEmpty(), "blockingRuleIds", "a BLOCKED verdict names at least one blocking rule");
    } else {
      p.require(x.blockingRuleIds().isEmpty(), "blockingRuleIds", "must be empty unless the outcome is BLOCKED");
    }
  }

  private static void ruleIds(Problems p, String path, List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (p.require(!id.isBlank(), Paths.index(path, i), "must not be blank")) {
        p.require(seen.add(id), Paths.index(path, i), "rule '" + id + "' is listed twice");
      }
    }
  }

  private static void reason(Problems p, String reason) {
    if (!p.require(!reason.isBlank(), "reason", "must not be blank")) {
      return;
    }
    p.require(reason.length() <= MAX_REASON_LENGTH, "reason",
        "must be a short code or text of at most " + MAX_REASON_LENGTH + " characters, never a clinical note");
    p.require(reason.indexOf('\n') < 0 && reason.indexOf('\r') < 0, "reason", "must be one line");
  }

  private static void text(Problems p, String path, String value) {
    p.require(!value.isBlank(), path, "must not be blank");
  }

  private static void optionalText(Problems p, String path, Optional<String> value) {
    value.ifPresent(v -> text(p, path, v));
  }

  private static void code(Problems p, String path, Code code) {
    for (Problem problem : StructuralChecks.problemsOf(code)) {
      Problem placed = problem.under(path);
      p.add(placed.path(), placed.message());
    }
  }
}
