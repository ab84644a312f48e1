package org.orrery.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.orrery.system.PageAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The footer's language switch: for each language a link to the page being shown, same path and query, with
 * {@code lang} set, so switching on {@code /oauth/authorize?...} keeps the authorization request.
 */
@Component
class LanguageLinks implements PageAttributes {

    /** One language of the switch: its own name, its tag, the link, and whether the page is in it. */
    record LanguageLink(String name, String tag, String href, boolean current) {
    }

    @Override
    public void addTo(Map<String, Object> model, HttpServletRequest request) {
        if (!model.containsKey("languageLinks")) {
            model.put("languageLinks", languageLinks(request));
        }
    }

    List<LanguageLink> languageLinks(HttpServletRequest request) {
        Locale current = SupportedLanguage.match(RequestContextUtils.getLocale(request));
        String base = pageAddress(request);
        List<LanguageLink> links = new ArrayList<>();
        for (Locale language : MessageBundles.LANGUAGES) {
            String code = language.toString();
            links.add(new LanguageLink(nameOf(language), language.toLanguageTag(), withLanguage(base, code),
                    language.equals(current)));
        }
        return links;
    }

    /** The address with {@code lang} set to this code (any earlier {@code lang} replaced). */
    static String withLanguage(String address, String code) {
        try {
            return UriComponentsBuilder.fromUriString(address).replaceQueryParam("lang", code).build().toUriString();
        }
        catch (IllegalArgumentException ex) {
            int query = address.indexOf('?');
            return (query < 0 ? address : address.substring(0, query)) + "?lang=" + code;
        }
    }

    /** The address of the page, as sent (encoded), without the host: the failed request's on an error page. */
    static String pageAddress(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed != null) {
            return failed.toString();
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static String nameOf(Locale language) {
        return switch (language.toString()) {
            case "en" -> "English";
            case "es" -> "Español";
            case "fr" -> "Français";
            case "de" -> "Deutsch";
            case "pt" -> "Português";
            case "ja" -> "日本語";
            case "zh_CN" -> "简体中文";
            default -> language.getDisplayName(language);
        };
    }
}
