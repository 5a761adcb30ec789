package org.kapsdk.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** Checks fixture chains and resolves a scenario's facts: the fixture chain first, then each patch in order. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Every problem of the fixtures themselves, each reported once: a fixture that extends one the
   * file does not define, and each cycle of fixtures extending each other (at its first fixture
   * in file order).
   */
  static List<Problem> check(Map<String, FactsPatch> fixtures) {
    List<Problem> problems = new ArrayList<>();
    Set<String> inReportedCycle = new LinkedHashSet<>();
    fixtures.forEach((name, patch) -> {
      String path = Paths.join("fixtures", name);
      if (patch.base().isPresent() && !fixtures.containsKey(patch.base().get())) {
        problems.add(unknown(Paths.join(path, "extends"), patch.base().get(), fixtures));
        return;
      }
      List<String> chain = new ArrayList<>(List.of(name));
      Optional<String> next = patch.base();
      while (next.isPresent() && fixtures.containsKey(next.get())) {
        String n = next.get();
        if (n.equals(name)) {
          chain.add(n);
          if (!inReportedCycle.contains(name)) {
            inReportedCycle.addAll(chain);
            problems.add(Problem.at(Paths.join(path, "extends"),
                "fixtures extend each other in a cycle: " + String.join(" -> ", chain)));
          }
          return;
        }
        if (chain.contains(n)) {
          return; // a cycle further up the chain, reported at its own fixtures
        }
        chain.add(n);
        next = fixtures.get(n).base();
      }
    });
    return problems;
  }

  /** The fixtures whose chain cannot be resolved: it reaches an undefined fixture or a cycle. */
  static Set<String> broken(Map<String, FactsPatch> fixtures) {
    Set<String> out = new LinkedHashSet<>();
    fixtures.forEach((name, patch) -> {
      Set<String> chain = new LinkedHashSet<>();
      String current = name;
      while (current != null) {
        if (!fixtures.containsKey(current) || !chain.add(current)) {
          out.add(name);
          return;
        }
        current = fixtures.get(current).base().orElse(null);
      }
    });
    return out;
  }

  /**
   * The facts a patch stands for.
   *
   * @param path where the patch is, such as {@code scenarios[2].facts}
   * @throws ValidationException when the patch extends a fixture the file does not define, no
   *     part of the chain sets the patient id, or the facts are invalid
   */
  static PatientFacts resolve(Map<String, FactsPatch> fixtures, FactsPatch patch, String path) {
    List<FactsPatch> chain = new ArrayList<>();
    chain.add(patch);
    Set<String> seen = new LinkedHashSet<>();
    Optional<String> next = patch.base();
    while (next.isPresent()) {
      String name = next.get();
      FactsPatch base = fixtures.get(name);
      if (base == null) {
        throw new ValidationException(List.of(unknown(Paths.join(path, "extends"), name, fixtures)));
      }
      if (!seen.add(name)) {
        throw new ValidationException(List.of(Problem.at(Paths.join(path, "extends"),
            "fixtures extend each other in a cycle: " + String.join(" -> ", seen) + " -> " + name)));
      }
      chain.add(0, base);
      next = base.base();
    }

    PatientFacts.Builder b = PatientFacts.builder();
    boolean hasPatientId = false;
    for (FactsPatch p : chain) {
      for (FactField f : p.remove()) {
        clear(b, f);
      }
      if (p.patientId().isPresent()) {
        b.patientId(p.patientId().get());
        hasPatientId = true;
      }
      p.ageYears().ifPresent(b::ageYears);
      p.pregnancy().ifPresent(b::pregnancy);
      p.conditions().ifPresent(b::conditions);
      p.medications().ifPresent(b::medications);
      b.addAllObservations(p.observations());
      b.addAllAssessments(p.assessments());
      b.addAllAttestations(p.attestations());
      b.addAllSessions(p.sessions());
    }
    if (!hasPatientId) {
      throw new ValidationException(List.of(Problem.at(Paths.join(path, "patientId"),
          "is required: set it in the facts or in the fixture they extend")));
    }
    try {
      return b.build();
    } catch (ValidationException e) {
      throw new ValidationException(e.problems().stream().map(p -> p.under(path)).toList());
    }
  }

  private static Problem unknown(String path, String name, Map<String, FactsPatch> fixtures) {
    return Problem.at(path, "no fixture named '" + name + "'; the file defines "
        + (fixtures.isEmpty() ? "none" : String.join(", ", fixtures.keySet())));
  }

  private static void clear(PatientFacts.Builder b, FactField field) {
    switch (field) {
      case AGE_YEARS:
        b.ageYears(Optional.empty());
        break;
      case PREGNANCY:
        b.pregnancy(Optional.empty());
        break;
      case CONDITIONS:
        b.conditions(Optional.empty());
        break;
      case MEDICATIONS:
        b.medications(Optional.empty());
        break;
      case OBSERVATIONS:
        b.observations(List.of());
        break;
      case ASSESSMENTS:
        b.assessments(List.of());
        break;
      case ATTESTATIONS:
        b.attestations(List.of());
        break;
      case SESSIONS:
        b.sessions(List.of());
        break;
      default:
        throw new AssertionError(field);
    }
  }
}
