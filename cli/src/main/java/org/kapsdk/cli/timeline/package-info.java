/**
 * The timeline page: a plan, or a course against its plan, as one self-contained HTML file with
 * inline SVG. {@link org.kapsdk.cli.timeline.TimelineHtml} is the entry point, usable from code
 * without the command line ({@code kapsdk timeline} and {@code kapsdk demo} call it).
 */
@NullMarked
package org.kapsdk.cli.timeline;

import org.jspecify.annotations.NullMarked;
