package org.kapsdk.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.kapsdk.core.validation.ValidationException;

/**
 * Immutables conventions shared by every value type of the SDK; applied per package through
 * {@code package-info.java}. SOURCE retention, so consumers never need Immutables on their
 * classpath. Not for use outside the SDK.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    depluralize = true,
    depluralizeDictionary = {"evidence:evidence", "criterion:criteria"},
    throwForInvalidImmutableState = ValidationException.class,
    redactedMask = "***",
    allowedClasspathAnnotations = {java.lang.Override.class})
public @interface KapsdkStyle {}
