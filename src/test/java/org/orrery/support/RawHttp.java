package org.orrery.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written byte for byte on a socket: for requests an ordinary client refuses to send (raw non-ASCII or
 * control bytes, duplicate or malformed headers, a body that disagrees with its headers). One request per
 * connection ({@code Connection: close}); the answer is read to the end, chunked or not.
 */
public final class RawHttp {

    /** A response: status, headers in order (names lower-cased), and the body as received. */
    public record Response(int status, List<String[]> headers, byte[] body) {

        public Optional<String> header(String name) {
            return this.headers.stream().filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT)))
                .map(h -> h[1]).findFirst();
        }

        public List<String> headers(String name) {
            return this.headers.stream().filter(h -> h[0].equals(name.toLowerCase(Locale.ROOT)))
                .map(h -> h[1]).toList();
        }

        public String text() {
            return new String(this.body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /** Sends these bytes, exactly, to the port on the loopback interface and reads the answer. */
    public static Response send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(socket.getInputStream());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("no HTTP answer: " + ex.getMessage(), ex);
        }
    }

    /**
     * A request with these headers (each a name and a value, repeats allowed, written as ISO-8859-1 so that any
     * byte can be sent) and body; adds {@code Host},
     * {@code Connection: close} and, for a body, {@code Content-Length}, unless the headers already name them.
     */
    public static byte[] request(String method, byte[] target, List<String[]> headers, byte[] body, int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(target);
        out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        List<String[]> all = new ArrayList<>(headers);
        if (!named(headers, "host")) {
            all.add(0, new String[] { "Host", "localhost:" + port });
        }
        if (!named(headers, "connection")) {
            all.add(new String[] { "Connection", "close" });
        }
        if (body != null && !named(headers, "content-length") && !named(headers, "transfer-encoding")) {
            all.add(new String[] { "Content-Length", String.valueOf(body.length) });
        }
        for (String[] header : all) {
            out.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static boolean named(List<String[]> headers, String name) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<String[]> headers = new ArrayList<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.add(new String[] { header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                header.substring(colon + 1).trim() });
        }
        var response = new Response(status, headers, new byte[0]);
        boolean chunked = response.header("transfer-encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false);
        return new Response(status, headers, chunked ? chunks(in) : in.readAllBytes());
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
            body.writeBytes(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        return hex.isEmpty() ? 0 : Integer.parseInt(hex, 16);
    }

    /** One line up to CRLF, read as ISO-8859-1; empty at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
