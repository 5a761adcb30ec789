package org.kapsdk.core.internal;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kapsdk.core.validation.Problem;
import org.kapsdk.core.validation.ValidationException;

/**
 * Lets a reader build a whole document before checking it, so that every problem in every
 * nested value is reported at once with its full path, instead of the first nested value's
 * problems alone.
 *
 * <p>While a supplier runs inside {@link #run}, the structural checks of nested values on this
 * thread record nothing and throw nothing. The caller must then validate the root it got back
 * and discard it if anything is wrong; a value built while deferred never leaves the SDK
 * unchecked.
 */
public final class DeferredValidation {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private DeferredValidation() {}

  /** Runs the supplier with structural checks deferred on this thread. */
  public static <T> T run(Supplier<T> supplier) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return supplier.get();
    } finally {
      depth[0]--;
      if (depth[0] == 0) {
        DEPTH.remove();
      }
    }
  }

  /** Whether checks are deferred on this thread. */
  public static boolean active() {
    return DEPTH.get()[0] > 0;
  }

  /**
   * The structural check every value's builder runs: nothing while a reader defers checks,
   * otherwise every problem {@code problemsOf} finds, thrown at once.
   *
   * @throws ValidationException listing every problem
   */
  public static <T> void checkNow(T value, Function<? super T, List<Problem>> problemsOf) {
    if (active()) {
      return;
    }
    List<Problem> problems = problemsOf.apply(value);
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }
}
