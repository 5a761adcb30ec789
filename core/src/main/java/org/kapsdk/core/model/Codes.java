package org.kapsdk.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * Code systems and the codes that {@code CLINICAL-REFERENCE.md} confirms from a source (FHIR
 * vital-signs value set, US Core, the MII PRO IG, coded datasets). Codes the reference marks
 * UNCONFIRMED (treatment-resistant depression in SNOMED CT, an RxNorm ingredient for ketamine)
 * are deliberately absent: a template that needs them states its own code.
 */
public final class Codes {
  private Codes() {}

  /** LOINC. */
  public static final String LOINC = "http://loinc.org";
  /** SNOMED CT. */
  public static final String SNOMED_CT = "http://snomed.info/sct";
  /** RxNorm. */
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  /** UCUM, for units used as codes. */
  public static final String UCUM = "http://unitsofmeasure.org";

  /** Blood pressure panel (LOINC 85354-9; FHIR-VS). */
  public static final Code BP_PANEL = loinc("85354-9", "Blood pressure panel");
  /** Systolic blood pressure (LOINC 8480-6; FHIR-VS). */
  public static final Code SYSTOLIC_BP = loinc("8480-6", "Systolic blood pressure");
  /** Diastolic blood pressure (LOINC 8462-4; FHIR-VS). */
  public static final Code DIASTOLIC_BP = loinc("8462-4", "Diastolic blood pressure");
  /** Heart rate (LOINC 8867-4; FHIR-VS). */
  public static final Code HEART_RATE = loinc("8867-4", "Heart rate");
  /** Respiratory rate (LOINC 9279-1; FHIR-VS). */
  public static final Code RESPIRATORY_RATE = loinc("9279-1", "Respiratory rate");
  /** Body temperature (LOINC 8310-5; FHIR-VS). */
  public static final Code BODY_TEMPERATURE = loinc("8310-5", "Body temperature");
  /** Oxygen saturation in arterial blood, the core vital-signs code (LOINC 2708-6; FHIR-VS). */
  public static final Code SPO2 = loinc("2708-6", "Oxygen saturation in Arterial blood");
  /** Oxygen saturation by pulse oximetry (LOINC 59408-5; US Core). */
  public static final Code SPO2_PULSE_OXIMETRY =
      loinc("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");
  /** Body weight (LOINC 29463-7; FHIR-VS). */
  public static final Code BODY_WEIGHT = loinc("29463-7", "Body weight");
  /** Body mass index (LOINC 39156-5; FHIR-VS). */
  public static final Code BMI = loinc("39156-5", "Body mass index");
  /** PHQ-9 total score (LOINC 44261-6; US Core, FHIR-MII). */
  public static final Code PHQ9_TOTAL = loinc("44261-6", "PHQ-9 total score");
  /** GAD-7 total score (LOINC 70274-6; FHIR-MII, PHR IG). */
  public static final Code GAD7_TOTAL = loinc("70274-6", "GAD-7 total score");

  /** Major depressive disorder (SNOMED CT 370143000). */
  public static final Code MAJOR_DEPRESSIVE_DISORDER =
      snomed("370143000", "Major depressive disorder");
  /** Depressive disorder (SNOMED CT 35489007; OHDSI concept set). */
  public static final Code DEPRESSIVE_DISORDER = snomed("35489007", "Depressive disorder");
  /** Post-traumatic stress disorder (SNOMED CT 47505003). */
  public static final Code PTSD = snomed("47505003", "Posttraumatic stress disorder");

  private static final Map<String, Code> KNOWN =
      java.util.stream.Stream.of(
              BP_PANEL, SYSTOLIC_BP, DIASTOLIC_BP, HEART_RATE, RESPIRATORY_RATE, BODY_TEMPERATURE,
              SPO2, SPO2_PULSE_OXIMETRY, BODY_WEIGHT, BMI, PHQ9_TOTAL, GAD7_TOTAL,
              MAJOR_DEPRESSIVE_DISORDER, DEPRESSIVE_DISORDER, PTSD)
          .collect(java.util.stream.Collectors.toUnmodifiableMap(Codes::key, c -> c));

  private static final Map<String, Dimension> DIMENSIONS =
      Map.ofEntries(
          Map.entry(key(SYSTOLIC_BP), Dimension.PRESSURE),
          Map.entry(key(DIASTOLIC_BP), Dimension.PRESSURE),
          Map.entry(key(HEART_RATE), Dimension.RATE),
          Map.entry(key(RESPIRATORY_RATE), Dimension.RATE),
          Map.entry(key(BODY_TEMPERATURE), Dimension.TEMPERATURE),
          Map.entry(key(SPO2), Dimension.FRACTION),
          Map.entry(key(SPO2_PULSE_OXIMETRY), Dimension.FRACTION),
          Map.entry(key(BODY_WEIGHT), Dimension.BODY_MASS),
          Map.entry(key(BMI), Dimension.BODY_MASS_INDEX),
          Map.entry(key(PHQ9_TOTAL), Dimension.SCORE),
          Map.entry(key(GAD7_TOTAL), Dimension.SCORE));

  /** A LOINC code. */
  public static Code loinc(String code, String display) {
    return Code.of(LOINC, code, display);
  }

  /** A SNOMED CT code. */
  public static Code snomed(String code, String display) {
    return Code.of(SNOMED_CT, code, display);
  }

  /**
   * What a value observed under this code measures, for the codes listed here; empty for codes
   * the SDK does not know, whose units are then not checked.
   */
  public static Optional<Dimension> dimensionOf(Code code) {
    return Optional.ofNullable(DIMENSIONS.get(key(code)));
  }

  /**
   * A name for the code in messages: its own display, else the display of the same concept
   * listed here, else the bare code.
   */
  public static String nameOf(Code code) {
    return code.display()
        .or(() -> Optional.ofNullable(KNOWN.get(key(code))).flatMap(Code::display))
        .orElse(code.code());
  }

  private static String key(Code code) {
    return code.system() + "|" + code.code();
  }
}
