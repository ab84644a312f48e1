package org.orrery.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: no redirects followed, form posts, JSON bodies. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    public static HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    /** POSTs an {@code application/x-www-form-urlencoded} body; pairs of name and value, repeats allowed. */
    public static HttpResponse<String> postForm(String url, List<String[]> form, String... headers) {
        List<String> parts = new ArrayList<>();
        for (String[] pair : form) {
            parts.add(URLEncoder.encode(pair[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        var builder = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts)));
        return send(builder, headers);
    }

    public static HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
        List<String[]> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(new String[] { name, value }));
        return postForm(url, pairs, headers);
    }

    /** POSTs a body as it is; give its {@code Content-Type} among the headers. */
    public static HttpResponse<String> post(String url, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public static HttpResponse<String> delete(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
            .encodeToString((URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("HTTP request failed: " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
