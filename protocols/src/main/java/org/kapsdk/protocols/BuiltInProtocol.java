package org.kapsdk.protocols;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.kapsdk.core.gate.ConditionExtensions;
import org.kapsdk.core.io.DocumentFormat;
import org.kapsdk.core.io.ProtocolCatalog;
import org.kapsdk.core.io.ProtocolFiles;
import org.kapsdk.core.io.TemplateOutline;
import org.kapsdk.core.model.ClinicProfile;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.ResolvedProtocol;

/**
 * The curated protocols shipped with kapsdk, each a YAML resource with a stable id. A clinic
 * never edits one: it resolves it with its own {@link ClinicProfile}, which sets the values the
 * protocol leaves to the clinic, so a new kapsdk version upgrades the protocol underneath the
 * profile.
 */
public enum BuiltInProtocol {
  /**
   * Esketamine nasal spray for major depressive disorder with acute suicidal ideation or
   * behaviour, US label with the SPRAVATO REMS: 84 mg twice weekly for 4 weeks, with an oral
   * antidepressant, and a decision at the end of the 4 weeks.
   */
  ESKETAMINE_MDD_SI_US("esketamine-mdd-si-us", "esketamine-mdd-si-us.yaml"),

  /**
   * IV racemic ketamine induction series for treatment-resistant depression (off-label): 0.5
   * mg/kg over 40 min, six infusions two to three times a week, boosters; the dose cap, the
   * frequency, the monitoring time, fasting and the stop limits the reference leaves open are
   * clinic parameters without defaults.
   */
  IV_KETAMINE_TRD("iv-ketamine-trd", "iv-ketamine-trd.yaml"),

  /**
   * Esketamine nasal spray for treatment-resistant depression, US label with the SPRAVATO REMS:
   * day-1 dose 56 mg, then 56 or 84 mg twice weekly in weeks 1-4, weekly in weeks 5-8 and every 2
   * weeks or weekly from week 9, a decision at the end of induction; the label's warnings need a
   * prescriber's recorded override.
   */
  ESKETAMINE_TRD_US("esketamine-trd-us", "esketamine-trd-us.yaml"),

  /**
   * Ketamine-assisted psychotherapy in the office (off-label): intake, preparation sessions,
   * sublingual dosing sessions (fixed mg per session) and then intramuscular ones (mg/kg of a
   * current body weight, capped), each followed by an integration session within the source's
   * window (1-7 days after sublingual, 1-3 days after intramuscular dosing), and an end-of-course
   * review on PHQ-9 and GAD-7. Doses, session counts, intervals, monitoring and BP limits are
   * clinic parameters without defaults (no guideline IM dose exists).
   */
  KAP_IM_SL("kap-im-sl", "kap-im-sl.yaml"),

  /**
   * Group ketamine-assisted psychotherapy with intramuscular weight-based ketamine: individual
   * intake, three preparation groups, three group dosing sessions each followed by an integration
   * group 1-3 days later, and a closing integration group. The group sessions hold a cohort whose
   * size is the clinic's; each participant keeps their own course and safety record
   * ({@code org.kapsdk.core.cohort}). The IM dose, spacing, monitoring and BP limits are clinic
   * parameters without defaults.
   */
  GROUP_KAP("group-kap", "group-kap.yaml");

  private final String id;
  private final String resource;

  BuiltInProtocol(String id, String resource) {
    this.id = id;
    this.resource = resource;
  }

  /** The stable id, the one scenario and course files and the command line use. */
  public String id() {
    return id;
  }

  /** The protocol with this id. */
  public static Optional<BuiltInProtocol> byId(String id) {
    for (BuiltInProtocol p : values()) {
      if (p.id.equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The built-ins as a catalog, so scenario files, course files and the command line can name a
   * built-in by id: {@code ScenarioRunner.create(BuiltInProtocol.catalog(), extensions)}.
   */
  public static ProtocolCatalog catalog() {
    return ProtocolCatalog.ofTexts(id -> byId(id).map(BuiltInProtocol::text));
  }

  /**
   * The condition extensions the built-ins call ({@link CrisisSignsCheck}), for a host that
   * passes its extensions explicitly rather than through {@link java.util.ServiceLoader}.
   */
  public static ConditionExtensions extensions() {
    return ConditionExtensions.of(new CrisisSignsCheck());
  }

  /** The protocol's YAML text, exactly as shipped. */
  public String text() {
    try (InputStream in = BuiltInProtocol.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in protocol resource " + resource + " is missing from the kapsdk-protocols jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in protocol resource " + resource, e);
    }
  }

  /**
   * What the protocol is (id, version, title, indications, sources, parameters) without a
   * clinic's values: for listing the built-ins.
   */
  public TemplateOutline outline() {
    return ProtocolFiles.outline(text(), DocumentFormat.YAML, sourceName());
  }

  /** The name problems in this protocol are reported under, such as {@code builtin:esketamine-mdd-si-us}. */
  public String sourceName() {
    return ProtocolCatalog.sourceName(id);
  }

  /**
   * The protocol resolved with a clinic's profile.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every parameter the profile
   *     leaves unset, sets to an unknown name, a wrong type or unit, or a value out of range, and
   *     a profile written for another protocol
   */
  public ProtocolTemplate template(ClinicProfile profile) {
    return ProtocolFiles.read(text(), DocumentFormat.YAML, sourceName(), profile);
  }

  /**
   * The protocol resolved with a clinic profile file; a problem with one of the profile's values
   * is reported at its line in that file.
   *
   * @throws org.kapsdk.core.validation.ValidationException listing every problem of the profile
   *     file or of the values it sets, each with its file, line and column
   */
  public ProtocolTemplate template(Path profileFile) {
    return resolve(profileFile).template();
  }

  /** The protocol resolved with a clinic profile file, with where each parameter's value came from. */
  public ResolvedProtocol resolve(Path profileFile) {
    return ProtocolFiles.resolve(text(), DocumentFormat.YAML, sourceName(), profileFile);
  }

  /** The protocol resolved with a clinic's profile, with where each parameter's value came from. */
  public ResolvedProtocol resolve(ClinicProfile profile) {
    return ProtocolFiles.resolve(text(), DocumentFormat.YAML, sourceName(), profile);
  }
}
