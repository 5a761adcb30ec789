/**
 * Structural problems and the one exception type that reports them: paths into a document,
 * source locations, and a collector that gathers every problem before anything is thrown.
 */
@NullMarked
package org.kapsdk.core.validation;

import org.jspecify.annotations.NullMarked;
