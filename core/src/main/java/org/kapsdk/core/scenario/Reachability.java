package org.kapsdk.core.scenario;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.gate.Truth;
import org.kapsdk.core.model.AllOf;
import org.kapsdk.core.model.AnyOf;
import org.kapsdk.core.model.AttestationPresent;
import org.kapsdk.core.model.Condition;
import org.kapsdk.core.model.MonitoringElapsed;
import org.kapsdk.core.model.Not;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.Rule;
import org.kapsdk.core.model.SessionInterval;
import org.kapsdk.core.model.SessionTemplate;

/**
 * Which outcomes a rule can never produce, whatever the facts: for example a rule that requires
 * an attestation without a time bound is UNKNOWN when the attestation is absent and PASS when it
 * is present, and can never FAIL. Coverage does not ask a scenario for an outcome that cannot
 * occur. The analysis reads the conditions only (each leaf taken as independent), so it may
 * call an outcome possible that no facts produce, never the other way round.
 */
final class Reachability {
  private static final Set<Truth> ALL = EnumSet.allOf(Truth.class);

  private Reachability() {}

  /** Per rule id of the template, the outcomes among FAIL and UNKNOWN its condition cannot produce. */
  static Map<String, Set<Outcome>> unreachable(ProtocolTemplate template) {
    Map<String, Set<Outcome>> out = new LinkedHashMap<>();
    template.rules().forEach(r -> add(out, r));
    for (SessionTemplate s : template.sessions()) {
      s.rules().forEach(r -> add(out, r));
    }
    return out;
  }

  private static void add(Map<String, Set<Outcome>> out, Rule rule) {
    boolean forbid = rule.forbid().isPresent();
    Condition c = forbid ? rule.forbid().get() : rule.require().orElse(null);
    if (c == null) {
      return;
    }
    Set<Truth> possible = truths(c);
    Set<Outcome> missing = EnumSet.noneOf(Outcome.class);
    if (!possible.contains(forbid ? Truth.TRUE : Truth.FALSE)) {
      missing.add(Outcome.FAIL);
    }
    if (!possible.contains(Truth.UNKNOWN)) {
      missing.add(Outcome.UNKNOWN);
    }
    if (!missing.isEmpty()) {
      out.put(rule.id(), Set.copyOf(missing));
    }
  }

  /** The truth values a condition can take. */
  static Set<Truth> truths(Condition c) {
    if (c instanceof AttestationPresent a) {
      // Absent or too old: UNKNOWN; present: TRUE, or FALSE only when too little time has passed.
      return a.elapsedAtLeast().filter(d -> d.compareTo(Duration.ZERO) > 0).isPresent()
          ? ALL : EnumSet.of(Truth.TRUE, Truth.UNKNOWN);
    }
    if (c instanceof MonitoringElapsed m) {
      return m.atLeast().compareTo(Duration.ZERO) > 0 ? ALL : EnumSet.of(Truth.TRUE, Truth.UNKNOWN);
    }
    if (c instanceof SessionInterval s) {
      return s.atLeast().isPresent() || s.atMost().isPresent() ? ALL : EnumSet.of(Truth.TRUE, Truth.UNKNOWN);
    }
    if (c instanceof Not n) {
      Set<Truth> out = EnumSet.noneOf(Truth.class);
      truths(n.condition()).forEach(t -> out.add(t.not()));
      return out;
    }
    if (c instanceof AllOf a) {
      return combine(a.conditions(), true);
    }
    if (c instanceof AnyOf a) {
      return combine(a.conditions(), false);
    }
    return ALL;
  }

  private static Set<Truth> combine(List<Condition> conditions, boolean and) {
    Set<Truth> acc = EnumSet.of(and ? Truth.TRUE : Truth.FALSE);
    for (Condition c : conditions) {
      Set<Truth> next = EnumSet.noneOf(Truth.class);
      Set<Truth> these = truths(c);
      for (Truth a : acc) {
        for (Truth b : these) {
          next.add(and ? a.and(b) : a.or(b));
        }
      }
      acc = next;
    }
    return acc;
  }
}
