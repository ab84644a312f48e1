package org.orrery.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain HTTP/1.1 with the JDK client: no redirects followed, cookies through a {@link CookieJar}. */
final class Web {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private Web() {
    }

    static HttpResponse<String> get(String url, CookieJar jar, String... headers) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), jar, headers);
    }

    /** POSTs a form; pairs of name and value, repeats allowed. */
    static HttpResponse<String> post(String url, CookieJar jar, List<String[]> form, String... headers)
            throws IOException {
        String body = form.stream()
            .map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)), jar, headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, CookieJar jar, String... headers)
            throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (jar != null && jar.header() != null) {
            builder.header("Cookie", jar.header());
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (jar != null) {
                jar.keep(response);
            }
            return response;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    /** The absolute target of a redirect, after checking the status. */
    static String redirect(HttpResponse<?> response, int expectedStatus, String step) {
        expect(response, expectedStatus, step);
        String location = response.headers().firstValue("Location")
            .orElseThrow(() -> new IllegalStateException(step + ": no Location header"));
        return response.request().uri().resolve(location).toString();
    }

    static void expect(HttpResponse<?> response, int status, String step) {
        if (response.statusCode() != status) {
            Object body = response.body();
            String text = body == null ? "" : body.toString();
            throw new IllegalStateException(step + ": expected " + status + ", got " + response.statusCode() + " "
                    + text.substring(0, Math.min(200, text.length())));
        }
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The hidden inputs of the form with this id, as name and value pairs. */
    static List<String[]> hiddenInputs(String html, String formId) {
        int start = html.indexOf("id=\"" + formId + "\"");
        int end = start < 0 ? -1 : html.indexOf("</form>", start);
        if (end < 0) {
            throw new IllegalStateException("no form " + formId + " on the page");
        }
        List<String[]> inputs = new ArrayList<>();
        Matcher input = INPUT.matcher(html.substring(start, end));
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
            }
            if ("hidden".equals(attributes.get("type")) && attributes.containsKey("name")) {
                inputs.add(new String[] { attributes.get("name"), attributes.getOrDefault("value", "") });
            }
        }
        return inputs;
    }

    /** A string field of a flat JSON object (enough for OAuth token responses). */
    static String jsonString(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&#x2F;", "/").replace("&#47;", "/").replace("&amp;", "&");
    }
}
