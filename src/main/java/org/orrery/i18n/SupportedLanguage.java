package org.orrery.i18n;

import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Maps what a browser asks for onto the languages Orrery has. */
public final class SupportedLanguage {

    private SupportedLanguage() {
    }

    /** The supported language nearest to a requested one, or null when none is near. */
    public static Locale match(Locale requested) {
        if (requested == null || requested.getLanguage().isEmpty()) {
            return null;
        }
        for (Locale language : MessageBundles.LANGUAGES) {
            if (language.getLanguage().equals(requested.getLanguage())) {
                return language;
            }
        }
        return null;
    }

    /** The first of the browser's languages, in its order of preference, that Orrery speaks; else English. */
    public static Locale bestOf(Enumeration<Locale> requested) {
        while (requested.hasMoreElements()) {
            Locale match = match(requested.nextElement());
            if (match != null) {
                return match;
            }
        }
        return Locale.ENGLISH;
    }

    /** Lets {@code ?lang=} choose a language Orrery has, remembered by the locale resolver; others are ignored. */
    static final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String value = request.getParameter("lang");
            if (value == null || value.length() > 10 || !value.matches("[A-Za-z_-]+")) {
                return true;
            }
            Locale language = match(Locale.forLanguageTag(value.replace('_', '-')));
            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
            if (language != null && resolver != null) {
                resolver.setLocale(request, response, language);
            }
            return true;
        }
    }
}
