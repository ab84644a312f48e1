package org.orrery.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test whose nodes run on databases of their own, always an embedded H2 (in memory or a file), whatever
 * database the build's pass is for: the PostgreSQL pass would only repeat it, so the pom's {@code postgresql}
 * profile leaves out the tag {@value #TAG}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnEmbeddedDatabase.TAG)
public @interface OwnEmbeddedDatabase {

    /** The JUnit tag. */
    String TAG = "own-h2";
}
