package org.orrery.lifecycle;

/** One paragraph of a lifecycle message page: a message key, its one argument, and an optional link. */
public record PageLine(String id, String key, Object arg, String href, String linkKey) {

    static PageLine text(String id, String key, Object arg) {
        return new PageLine(id, key, arg, null, null);
    }

    static PageLine link(String id, String linkKey, String href) {
        return new PageLine(id, null, null, href, linkKey);
    }
}
