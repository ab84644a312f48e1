package org.orrery.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of what the database does not take part in (how HTTP requests are parsed and dispatched by method and
 * media type), so that the PostgreSQL pass would only repeat it: the pom's
 * {@code postgresql} profile leaves out the tag {@value #TAG}. Values that reach the database are tested on both.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Tag(DatabaseIndependent.TAG)
public @interface DatabaseIndependent {

    /** The JUnit tag. */
    String TAG = "database-independent";
}
