package org.kapsdk.core.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kapsdk.core.lint.BuiltInRule.Sink;
import org.kapsdk.core.lint.TemplateIndex.RuleAt;
import org.kapsdk.core.lint.TemplateIndex.SessionAt;
import org.kapsdk.core.model.AssessmentSpec;
import org.kapsdk.core.model.AssessmentThreshold;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.Gate;
import org.kapsdk.core.model.Instrument;
import org.kapsdk.core.model.MonitoredObservation;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.MonitoringPlan;
import org.kapsdk.core.model.ObservationThreshold;
import org.kapsdk.core.model.ObservationTrend;
import org.kapsdk.core.model.TimeAnchor;
import org.kapsdk.core.validation.Paths;

/** What is observed after a dose and what the rules read: KAP-L007 to KAP-L012. */
final class MonitoringChecks {
  private MonitoringChecks() {}

  /** KAP-L007: a dosing session without a monitoring plan. */
  static void noMonitoring(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      if (s.session().monitoring().isEmpty()) {
        sink.add(s.at("monitoring"),
            "dosing session " + s.id() + " has no monitoring plan: nothing says what is observed after the dose or for how long",
            "add a monitoring plan with a minimumDuration and the observations taken (blood pressure, pulse oximetry)");
      }
    }
  }

  /**
   * KAP-L008: monitoring may end before a DISCHARGE rule lets the patient go. Compared only
   * when the rule measures from the plan's anchor or a later one, where a longer required
   * time certainly ends later.
   */
  static void monitoringShorterThanRule(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      Optional<MonitoringPlan> plan = s.session().monitoring();
      if (plan.isEmpty()) {
        continue;
      }
      Duration minimum = plan.get().minimumDuration();
      TimeAnchor from = plan.get().from();
      // TimeAnchor is declared in time order: session start, first and last administration, session end.
      MonitoringElapsed longest = null;
      RuleAt longestRule = null;
      for (RuleAt r : index.rulesAt(s, Gate.DISCHARGE)) {
        List<MonitoringElapsed> needed = new ArrayList<>();
        TemplateIndex.needed(r, c -> {
          if (c instanceof MonitoringElapsed m && m.from().ordinal() >= from.ordinal() && m.atLeast().compareTo(minimum) > 0) {
            needed.add(m);
          }
        });
        for (MonitoringElapsed m : needed) {
          if (longest == null || m.atLeast().compareTo(longest.atLeast()) > 0) {
            longest = m;
            longestRule = r;
          }
        }
      }
      if (longest != null) {
        sink.add(s.at("monitoring.minimumDuration"),
            "monitoring of dosing session " + s.id() + " may end " + Texts.duration(minimum) + " after " + Texts.anchor(from)
                + ", but DISCHARGE rule " + longestRule.id() + " requires " + Texts.duration(longest.atLeast()) + " after "
                + Texts.anchor(longest.from()) + ": observations would stop while the patient must still be observed",
            "set monitoring.minimumDuration to at least " + Texts.duration(longest.atLeast()) + ", or correct rule " + longestRule.id());
      }
    }
  }

  /** KAP-L009: a dosing session booked for less time than its monitoring lasts. */
  static void sessionShorterThanMonitoring(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      if (s.session().duration().isEmpty() || s.session().monitoring().isEmpty()) {
        continue;
      }
      Duration booked = s.session().duration().get();
      Duration monitored = s.session().monitoring().get().minimumDuration();
      if (booked.compareTo(monitored) < 0) {
        sink.add(s.at("duration"),
            "dosing session " + s.id() + " is booked for " + Texts.duration(booked) + " but its monitoring lasts at least "
                + Texts.duration(monitored) + ": the slot ends before the patient may leave",
            "set duration to at least the monitoring minimum (" + Texts.duration(monitored) + ") plus the time to give the dose");
      }
    }
  }

  /**
   * KAP-L010: a DURING_SESSION or DISCHARGE rule, or a monitoring plan's {@code endsWhen}, reads
   * an observation the session's monitoring plan does not take. Codes match on system and code.
   */
  static void observationNotMonitored(TemplateIndex index, Sink sink) {
    for (SessionAt s : index.dosingSessions()) {
      s.session().monitoring().flatMap(MonitoringPlan::endsWhen).ifPresent(cond ->
          observations(cond, s.at("monitoring.endsWhen"), (path, code) -> {
            if (!monitors(s, code)) {
              sink.add(path,
                  "the monitoring plan of dosing session " + s.id() + " ends on " + Texts.code(code)
                      + ", which the plan does not take: the end of monitoring can never be seen",
                  "add " + Texts.code(code) + " to the plan's observations, or end on an observation the plan takes");
            }
          }));
    }
    for (RuleAt r : index.rules) {
      if (r.rule().gate() != Gate.DURING_SESSION && r.rule().gate() != Gate.DISCHARGE) {
        continue;
      }
      List<SessionAt> at = index.dosingSessions().stream()
          .filter(s -> s.session().monitoring().isPresent() && index.rulesAt(s, r.rule().gate()).contains(r))
          .toList();
      observations(r.condition(), r.conditionPath(), (path, code) -> {
        List<SessionAt> missing = at.stream().filter(s -> !monitors(s, code)).toList();
        if (!missing.isEmpty()) {
          sink.add(path,
              r.rule().gate() + " rule " + r.id() + " reads " + Texts.code(code) + ", which the monitoring plan of "
                  + TemplateIndex.sessionList(missing) + " does not take: the reading is never scheduled and the rule stays UNKNOWN",
              "add " + Texts.code(code) + " to the monitoring plan's observations, or read an observation the plan takes");
        }
      });
    }
  }

  /**
   * KAP-L011: a rule outside a dosing session's monitoring (ELIGIBILITY, PRE_DOSE, COURSE, or a
   * non-dosing session's own rule) reads an observation that no monitoring plan takes.
   */
  static void observationNotScheduled(TemplateIndex index, Sink sink) {
    for (RuleAt r : index.rules) {
      Gate g = r.rule().gate();
      boolean inSession = (g == Gate.DURING_SESSION || g == Gate.DISCHARGE) && (r.owner() == null || r.owner().isDosing());
      if (inSession) {
        continue;
      }
      observations(r.condition(), r.conditionPath(), (path, code) -> {
        boolean anywhere = index.dosingSessions().stream().anyMatch(s -> monitors(s, code));
        if (!anywhere) {
          sink.add(path,
              g + " rule " + r.id() + " reads " + Texts.code(code) + ", which no monitoring plan takes: the template does not"
                  + " say when it is measured, so the host must record it before the gate asks",
              "make sure the clinic records " + Texts.code(code) + " within the rule's maxAge before each evaluation");
        }
      });
    }
  }

  /** KAP-L012: a rule reads an assessment on an instrument that no session template assesses. */
  static void assessmentNotScheduled(TemplateIndex index, Sink sink) {
    for (RuleAt r : index.rules) {
      TemplateIndex.visit(r.condition(), r.conditionPath(), (path, c) -> {
        if (c instanceof AssessmentThreshold a && !assessed(index, a.instrument())) {
          sink.add(Paths.join(path, "instrument"),
              r.rule().gate() + " rule " + r.id() + " reads the " + a.instrument().displayName() + ", which no session template"
                  + " assesses: the score is never due, so the rule stays UNKNOWN unless someone records it unprompted",
              "add " + a.instrument().displayName() + " to the assessments of the sessions before this gate");
        }
      });
    }
  }

  static boolean assessed(TemplateIndex index, Instrument instrument) {
    return index.sessions.stream().anyMatch(s -> assesses(s, instrument));
  }

  static boolean assesses(SessionAt s, Instrument instrument) {
    return s.session().assessments().stream().map(AssessmentSpec::instrument).anyMatch(i -> i == instrument);
  }

  private static boolean monitors(SessionAt s, Code code) {
    return s.session().monitoring().map(MonitoringPlan::observations).orElse(List.of()).stream()
        .map(MonitoredObservation::code)
        .anyMatch(c -> c.sameConcept(code));
  }

  /** Every observation code a condition reads, with the path of its {@code code}, each path once. */
  private static void observations(Condition condition, String path, java.util.function.BiConsumer<String, Code> out) {
    Map<String, Code> found = new LinkedHashMap<>();
    TemplateIndex.visit(condition, path, (p, c) -> {
      if (c instanceof ObservationThreshold o) {
        found.put(Paths.join(p, "code"), o.code());
      } else if (c instanceof ObservationTrend o) {
        found.put(Paths.join(p, "code"), o.code());
      }
    });
    found.forEach(out);
  }
}
