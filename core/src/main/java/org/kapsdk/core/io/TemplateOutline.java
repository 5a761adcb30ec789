package org.kapsdk.core.io;

import java.util.List;
import java.util.Objects;
import org.kapsdk.core.model.Code;
import org.kapsdk.core.model.Evidence;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.model.ProtocolTemplate;
import org.kapsdk.core.model.SessionTemplate;
import org.kapsdk.core.model.TemplateStatus;

/**
 * What a template is, without its values: id, version, title, status, indications, sources, how
 * many phases, session templates and rules it has, and the parameters it declares. Tools show it for a template whose
 * parameters are not all set yet, which cannot be read as a {@link ProtocolTemplate}
 * (see {@link UnsetParametersException}).
 */
public final class TemplateOutline {
  private final String id;
  private final String version;
  private final String title;
  private final TemplateStatus status;
  private final int phases;
  private final int sessionTemplates;
  private final int rules;
  private final List<Parameter> parameters;
  private final List<Code> indications;
  private final List<Evidence> evidence;

  private TemplateOutline(ProtocolTemplate t) {
    this.id = t.id();
    this.version = t.version();
    this.title = t.title();
    this.status = t.status();
    this.phases = t.phases().size();
    this.sessionTemplates = t.sessions().size();
    this.rules = t.rules().size() + t.sessions().stream().mapToInt((SessionTemplate s) -> s.rules().size()).sum();
    this.parameters = t.parameters();
    // Indications and evidence are never parameters, so stand-in values cannot touch them.
    this.indications = t.indications();
    this.evidence = t.evidence();
  }

  /** The outline of a template; the values it holds play no part. */
  public static TemplateOutline of(ProtocolTemplate template) {
    return new TemplateOutline(Objects.requireNonNull(template, "template"));
  }

  /** The template's id. */
  public String id() {
    return id;
  }

  /** The template's version. */
  public String version() {
    return version;
  }

  /** The template's title. */
  public String title() {
    return title;
  }

  /** The template's status. */
  public TemplateStatus status() {
    return status;
  }

  /** How many phases the template has. */
  public int phases() {
    return phases;
  }

  /** How many session templates the template has, over all phases. */
  public int sessionTemplates() {
    return sessionTemplates;
  }

  /** How many rules the template has: its own and those of every session template. */
  public int rules() {
    return rules;
  }

  /** The parameters the template declares, in order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The coded indications the template treats. */
  public List<Code> indications() {
    return indications;
  }

  /** The sources the template's rules and values cite. */
  public List<Evidence> evidence() {
    return evidence;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateOutline x && id.equals(x.id) && version.equals(x.version) && title.equals(x.title)
        && status == x.status && phases == x.phases && sessionTemplates == x.sessionTemplates && rules == x.rules
        && parameters.equals(x.parameters) && indications.equals(x.indications) && evidence.equals(x.evidence);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, title, status, phases, sessionTemplates, rules, parameters);
  }

  /** {@code TemplateOutline[id version]}. */
  @Override
  public String toString() {
    return "TemplateOutline[" + id + " " + version + "]";
  }
}
