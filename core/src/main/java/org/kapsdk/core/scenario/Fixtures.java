package org.kapsdk.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kapsdk.core.facts.PatientFacts;
import org.kapsdk.core.validation.Paths;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/** Resolves a scenario's facts: the fixture chain first, then each patch in order. */
final class Fixtures {
  private Fixtures() {}

  static PatientFacts resolve(Map<String, FactsPatch> fixtures, FactsPatch patch, String path) {
    List<FactsPatch> chain = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    FactsPatch current = patch;
    String currentPath = path;
    chain.add(current);
    while (current.base().isPresent()) {
      String name = current.base().get();
      if (seen.contains(name)) {
        throw new ValidationException(List.of(Problem.at(Paths.join(currentPath, "extends"),
            "fixtures extend each other in a cycle: " + String.join(" -> ", seen) + " -> " + name)));
      }
      seen.add(name);
      FactsPatch base = fixtures.get(name);
      if (base == null) {
        throw new ValidationException(List.of(Problem.at(Paths.join(currentPath, "extends"),
            "no fixture named '" + name + "'; the file defines " + (fixtures.isEmpty() ? "none" : String.join(", ", fixtures.keySet())))));
      }
      current = base;
      currentPath = "fixtures." + name;
      chain.add(0, current);
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

  private static void clear(PatientFacts.Builder b, FactField field) {
    switch (field) {
      case AGE_YEARS:
        b.ageYears(java.util.Optional.empty());
        break;
      case PREGNANCY:
        b.pregnancy(java.util.Optional.empty());
        break;
      case CONDITIONS:
        b.conditions(java.util.Optional.empty());
        break;
      case MEDICATIONS:
        b.medications(java.util.Optional.empty());
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
