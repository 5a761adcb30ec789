package org.kapsdk.core.io;

import java.util.List;
import org.kapsdk.core.model.Parameter;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Thrown when a template is sound but cannot be used yet because required parameters have no
 * value: no profile was given, or the profile does not set them. Every other check passed, as far
 * as it can without those values (problems that depend on a value show once it is set).
 *
 * <p>It is a {@link ValidationException} like every refusal of bad input, with one problem per
 * unset parameter ({@code parameters[i]: required parameter 'x' is not set; …}); tools that check
 * templates rather than use them (such as {@code kapsdk validate} without {@code --profile}) catch
 * it to report the template as valid with parameters still to set.
 */
public final class UnsetParametersException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final transient List<Parameter> unset;
  private final transient TemplateOutline outline;

  UnsetParametersException(List<Problem> problems, List<Parameter> unset, TemplateOutline outline) {
    super(problems);
    this.unset = List.copyOf(unset);
    this.outline = outline;
  }

  /** The required parameters that have no value, in the order the template declares them. */
  public List<Parameter> unset() {
    return unset;
  }

  /** The template's outline: id, version, title, status, counts and every parameter. */
  public TemplateOutline outline() {
    return outline;
  }
}
