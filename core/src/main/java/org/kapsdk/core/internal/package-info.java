/** Implementation details shared by the SDK's packages. Not API: may change in any release. */
@NullMarked
package org.kapsdk.core.internal;

import org.jspecify.annotations.NullMarked;
