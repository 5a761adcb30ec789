/**
 * The {@code kapsdk} command line: one picocli command class per subcommand, registered in
 * {@link org.kapsdk.cli.KapsdkCommand}, started by {@link org.kapsdk.cli.Main}.
 *
 * <p>Every command follows the same contract: exit codes from {@link org.kapsdk.cli.ExitCodes},
 * problems printed through {@link org.kapsdk.cli.ProblemOutput}, {@code --json} output written
 * through {@link org.kapsdk.cli.JsonOutput}, and never a stack trace.
 */
@NullMarked
package org.kapsdk.cli;

import org.jspecify.annotations.NullMarked;
