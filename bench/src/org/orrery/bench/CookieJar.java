package org.orrery.bench;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The cookies of one simulated browser: kept from {@code Set-Cookie}, sent back in {@code Cookie}. */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    void keep(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                this.cookies.remove(name);
            }
            else {
                this.cookies.put(name, value);
            }
        }
    }

    /** The {@code Cookie} header value, or null when the jar is empty. */
    String header() {
        if (this.cookies.isEmpty()) {
            return null;
        }
        return this.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
    }
}
