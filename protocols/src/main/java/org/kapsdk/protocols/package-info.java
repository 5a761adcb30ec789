/**
 * The built-in protocols ({@link org.kapsdk.protocols.BuiltInProtocol}): curated templates with
 * every number sourced and everything the sources leave open declared as a clinic parameter.
 */
package org.kapsdk.protocols;
