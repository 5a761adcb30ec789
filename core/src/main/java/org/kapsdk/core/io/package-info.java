/**
 * Reading and writing kapsdk documents as YAML or JSON, with every error placed in its file:
 * protocol templates ({@link org.kapsdk.core.io.ProtocolFiles}, which also resolves a template's
 * parameters with a clinic profile), clinic profiles ({@link org.kapsdk.core.io.ProfileFiles}),
 * patient facts ({@link org.kapsdk.core.io.FactsFiles}) and course records
 * ({@link org.kapsdk.core.io.CourseFiles}).
 */
@NullMarked
package org.kapsdk.core.io;

import org.jspecify.annotations.NullMarked;
