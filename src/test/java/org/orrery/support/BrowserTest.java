package org.orrery.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test driven through headless Chromium: what it checks (layout, accessibility, keyboard use, a page's script,
 * a browser-based client library) does not depend on the database, so the build runs it in the H2 pass only and
 * the PostgreSQL pass leaves it out (the pom's {@code postgresql} profile excludes the tag {@value #TAG}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
public @interface BrowserTest {

    /** The JUnit tag. */
    String TAG = "browser";
}
