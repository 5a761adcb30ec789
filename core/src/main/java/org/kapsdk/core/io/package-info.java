/** Reading and writing kapsdk documents as YAML or JSON, with every error placed in its file. */
@NullMarked
package org.kapsdk.core.io;

import org.jspecify.annotations.NullMarked;
