package org.orrery.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of the registry as operators run it, on PostgreSQL, whose H2 run needs a stand-in (the command line
 * reaches the shared in-memory H2 through a TCP server made for the test): when the build has a PostgreSQL pass
 * (the pom's {@code postgresql} profile) it runs there only, and the H2 pass leaves out the tag {@value #TAG};
 * without one it runs on H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(PostgresqlPreferred.TAG)
public @interface PostgresqlPreferred {

    /** The JUnit tag. */
    String TAG = "postgresql-preferred";
}
