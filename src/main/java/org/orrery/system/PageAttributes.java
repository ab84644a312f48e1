package org.orrery.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Attributes the layout of every page needs (the header's researcher and inbox, the footer's language links). They
 * are added by {@link PageAttributesInterceptor} only when a handler renders a page: a REST answer (the API, userinfo,
 * discovery) never pays for them, as it did when they were {@code @ModelAttribute} advice, which
 * Spring MVC runs before every annotated handler, REST or not.
 */
public interface PageAttributes {

    /**
     * Adds this feature's attributes to the model of the page about to be rendered. An attribute the handler has
     * already set is the handler's and is kept.
     */
    void addTo(Map<String, Object> model, HttpServletRequest request);
}
