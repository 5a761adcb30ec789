package org.kapsdk.core.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.model.Severity;

/**
 * Which outcomes the scenarios exercised for each rule of a protocol. The outcomes that count
 * are PASS, FAIL, UNKNOWN and OVERRIDDEN; a BLOCK rule is covered when some scenario made it
 * FAIL and some scenario made it UNKNOWN (it must be shown to block on a bad value and on
 * missing data).
 */
public final class Coverage {
  /** The outcomes coverage counts. */
  public static final Set<Outcome> COUNTED =
      Collections.unmodifiableSet(EnumSet.of(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.OVERRIDDEN));

  private final String protocolId;
  private final Map<String, Severity> severities;
  private final Map<String, Set<Outcome>> seen;

  Coverage(String protocolId, Map<String, Severity> severities, Map<String, Set<Outcome>> seen) {
    this.protocolId = protocolId;
    this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    Map<String, Set<Outcome>> copy = new LinkedHashMap<>();
    severities.keySet().forEach(id -> copy.put(id, Collections.unmodifiableSet(
        seen.getOrDefault(id, EnumSet.noneOf(Outcome.class)).isEmpty()
            ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(seen.get(id)))));
    this.seen = Collections.unmodifiableMap(copy);
  }

  /**
   * The union of several reports for the same protocol, as when its scenarios are spread over
   * several files.
   *
   * @throws IllegalArgumentException when the reports cover different protocols, or none is given
   */
  public static Coverage merge(java.util.Collection<Coverage> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    Coverage first = reports.iterator().next();
    Map<String, Severity> rules = new LinkedHashMap<>();
    Map<String, Set<Outcome>> seen = new LinkedHashMap<>();
    for (Coverage c : reports) {
      if (!c.protocolId.equals(first.protocolId)) {
        throw new IllegalArgumentException("cannot merge coverage of '" + c.protocolId + "' into '" + first.protocolId + "'");
      }
      rules.putAll(c.severities);
      c.seen.forEach((id, outcomes) -> seen.computeIfAbsent(id, k -> EnumSet.noneOf(Outcome.class)).addAll(outcomes));
    }
    return new Coverage(first.protocolId, rules, seen);
  }

  /** The protocol the rules belong to. */
  public String protocolId() {
    return protocolId;
  }

  /** Every rule id, in protocol order, with its severity. */
  public Map<String, Severity> rules() {
    return severities;
  }

  /** The counted outcomes some scenario produced for the rule (before overrides, plus OVERRIDDEN). */
  public Set<Outcome> outcomes(String ruleId) {
    return seen.getOrDefault(ruleId, Set.of());
  }

  /** BLOCK rules that no scenario made FAIL, or none made UNKNOWN, with what each lacks. */
  public Map<String, List<Outcome>> uncoveredBlockRules() {
    Map<String, List<Outcome>> out = new LinkedHashMap<>();
    severities.forEach((id, severity) -> {
      if (severity != Severity.BLOCK) {
        return;
      }
      List<Outcome> lacking = new ArrayList<>();
      for (Outcome o : List.of(Outcome.FAIL, Outcome.UNKNOWN)) {
        if (!outcomes(id).contains(o)) {
          lacking.add(o);
        }
      }
      if (!lacking.isEmpty()) {
        out.put(id, List.copyOf(lacking));
      }
    });
    return out;
  }

  /** A fixed-width table: one line per rule with its severity and a mark per counted outcome. */
  public String toText() {
    int width = Math.max(4, severities.keySet().stream().mapToInt(String::length).max().orElse(4));
    StringBuilder out = new StringBuilder();
    out.append(String.format(java.util.Locale.ROOT, "%-" + width + "s  %-5s  %-4s %-4s %-7s %-10s%n",
        "rule", "sev", "PASS", "FAIL", "UNKNOWN", "OVERRIDDEN"));
    severities.forEach((id, severity) -> {
      Set<Outcome> o = outcomes(id);
      out.append(String.format(java.util.Locale.ROOT, "%-" + width + "s  %-5s  %-4s %-4s %-7s %-10s%n", id, severity,
          mark(o, Outcome.PASS), mark(o, Outcome.FAIL), mark(o, Outcome.UNKNOWN), mark(o, Outcome.OVERRIDDEN)));
    });
    Map<String, List<Outcome>> gaps = uncoveredBlockRules();
    if (gaps.isEmpty()) {
      out.append("every BLOCK rule has a FAIL and an UNKNOWN scenario\n");
    } else {
      gaps.forEach((id, lacking) -> out.append("BLOCK rule ").append(id).append(" lacks a scenario with ")
          .append(String.join(" and ", lacking.stream().map(Enum::name).toList())).append('\n'));
    }
    return out.toString();
  }

  private static String mark(Set<Outcome> outcomes, Outcome outcome) {
    return outcomes.contains(outcome) ? "x" : "-";
  }
}
