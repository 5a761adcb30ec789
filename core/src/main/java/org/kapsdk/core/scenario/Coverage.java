package org.kapsdk.core.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kapsdk.core.gate.Outcome;
import org.kapsdk.core.model.Severity;

/**
 * Which outcomes the scenarios exercised for each rule of a protocol. The outcomes that count
 * are PASS, FAIL, UNKNOWN and OVERRIDDEN: a finding counts with the outcome its rule evaluated
 * to and, when a clinician overrode it, also as OVERRIDDEN. A BLOCK rule is covered when some
 * scenario made it FAIL and some scenario made it UNKNOWN (it must be shown to block on a bad
 * value and on missing data), except for an outcome the rule's condition can never produce (a
 * rule that requires an attestation without a time bound is UNKNOWN when it is absent and can
 * never FAIL); such outcomes show as {@code n/a}.
 */
public final class Coverage {
  /** The outcomes coverage counts. */
  public static final Set<Outcome> COUNTED =
      Collections.unmodifiableSet(EnumSet.of(Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN, Outcome.OVERRIDDEN));

  private static final List<Outcome> REQUIRED = List.of(Outcome.FAIL, Outcome.UNKNOWN);

  private final String protocolId;
  private final Map<String, Severity> severities;
  private final Map<String, Set<Outcome>> seen;
  private final Map<String, Set<Outcome>> unreachable;

  Coverage(String protocolId, Map<String, Severity> severities, Map<String, Set<Outcome>> seen,
      Map<String, Set<Outcome>> unreachable) {
    this.protocolId = protocolId;
    this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    Map<String, Set<Outcome>> copy = new LinkedHashMap<>();
    Map<String, Set<Outcome>> never = new LinkedHashMap<>();
    severities.keySet().forEach(id -> {
      copy.put(id, frozen(seen.get(id)));
      never.put(id, frozen(unreachable.get(id)));
    });
    this.seen = Collections.unmodifiableMap(copy);
    this.unreachable = Collections.unmodifiableMap(never);
  }

  private static Set<Outcome> frozen(Set<Outcome> outcomes) {
    return Collections.unmodifiableSet(outcomes == null || outcomes.isEmpty()
        ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(outcomes));
  }

  /**
   * The union of several reports for the same protocol, as when its scenarios are spread over
   * several files.
   *
   * @throws IllegalArgumentException when the reports cover different protocols, or none is given
   */
  public static Coverage merge(Collection<Coverage> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge");
    }
    Coverage first = reports.iterator().next();
    Map<String, Severity> rules = new LinkedHashMap<>();
    Map<String, Set<Outcome>> seen = new LinkedHashMap<>();
    Map<String, Set<Outcome>> never = new LinkedHashMap<>();
    for (Coverage c : reports) {
      if (!c.protocolId.equals(first.protocolId)) {
        throw new IllegalArgumentException("cannot merge coverage of '" + c.protocolId + "' into '" + first.protocolId + "'");
      }
      rules.putAll(c.severities);
      c.seen.forEach((id, outcomes) -> seen.computeIfAbsent(id, k -> EnumSet.noneOf(Outcome.class)).addAll(outcomes));
      c.unreachable.forEach((id, outcomes) -> never.computeIfAbsent(id, k -> EnumSet.noneOf(Outcome.class)).addAll(outcomes));
    }
    return new Coverage(first.protocolId, rules, seen, never);
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

  /** Among FAIL and UNKNOWN, the outcomes the rule's condition can never produce, whatever the facts. */
  public Set<Outcome> unreachable(String ruleId) {
    return unreachable.getOrDefault(ruleId, Set.of());
  }

  /**
   * BLOCK rules that no scenario made FAIL, or none made UNKNOWN, with what each lacks; an
   * outcome the rule cannot produce is never lacking.
   */
  public Map<String, List<Outcome>> uncoveredBlockRules() {
    Map<String, List<Outcome>> out = new LinkedHashMap<>();
    severities.forEach((id, severity) -> {
      if (severity != Severity.BLOCK) {
        return;
      }
      List<Outcome> lacking = new ArrayList<>();
      for (Outcome o : REQUIRED) {
        if (!outcomes(id).contains(o) && !unreachable(id).contains(o)) {
          lacking.add(o);
        }
      }
      if (!lacking.isEmpty()) {
        out.put(id, List.copyOf(lacking));
      }
    });
    return out;
  }

  /**
   * A fixed-width table: one line per rule with its severity and, per counted outcome, {@code x}
   * when a scenario produced it, {@code -} when none did, {@code n/a} when the rule cannot
   * produce it; then one line per gap, or a line saying every BLOCK rule is covered. Lines end
   * with {@code \n} on every platform and carry no trailing spaces.
   */
  public String toText() {
    int width = Math.max(4, severities.keySet().stream().mapToInt(String::length).max().orElse(4));
    String format = "%-" + width + "s  %-5s  %-4s %-4s %-7s %s";
    StringBuilder out = new StringBuilder();
    line(out, String.format(Locale.ROOT, format, "rule", "sev", "PASS", "FAIL", "UNKNOWN", "OVERRIDDEN"));
    severities.forEach((id, severity) -> line(out, String.format(Locale.ROOT, format, id, severity,
        mark(id, Outcome.PASS), mark(id, Outcome.FAIL), mark(id, Outcome.UNKNOWN), mark(id, Outcome.OVERRIDDEN))));
    Map<String, List<Outcome>> gaps = uncoveredBlockRules();
    if (gaps.isEmpty()) {
      out.append("every BLOCK rule has a FAIL and an UNKNOWN scenario\n");
    } else {
      gaps.forEach((id, lacking) -> out.append("BLOCK rule ").append(id).append(" lacks a scenario with ")
          .append(String.join(" and ", lacking.stream().map(Enum::name).toList())).append('\n'));
    }
    severities.forEach((id, severity) -> {
      if (severity == Severity.BLOCK && !unreachable(id).isEmpty()) {
        out.append("BLOCK rule ").append(id).append(" never evaluates to ")
            .append(String.join(" or ", unreachable(id).stream().map(Enum::name).toList()))
            .append(" (its condition cannot), so no scenario needs to show it\n");
      }
    });
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append(text.stripTrailing()).append('\n');
  }

  private String mark(String id, Outcome outcome) {
    if (outcomes(id).contains(outcome)) {
      return "x";
    }
    return unreachable(id).contains(outcome) ? "n/a" : "-";
  }
}
