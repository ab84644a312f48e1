package org.orrery.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.orrery.system.BadInput.Endpoint;
import org.orrery.system.BadValues.Value;

/** Turns an endpoint's well-formed request into malformed ones, one change at a time. */
final class Mutations {

    private Mutations() {
    }

    /** Each parameter in turn set to each chosen value. */
    static List<BadInput> values(Endpoint endpoint, Predicate<Value> chosen) {
        List<BadInput> inputs = new ArrayList<>();
        for (int i = 0; i < endpoint.params().size(); i++) {
            String name = endpoint.params().get(i)[0];
            for (Value value : BadValues.VALUES) {
                if (chosen.test(value)) {
                    inputs.add(BadInput.of(name + "=" + value.label(), endpoint,
                            replaced(endpoint.params(), i, new String[] { name, value.encoded() }),
                            endpoint.headers()));
                }
            }
        }
        return inputs;
    }

    /** Each parameter left out, repeated, repeated with another value, or left without {@code =}. */
    static List<BadInput> structure(Endpoint endpoint) {
        List<BadInput> inputs = new ArrayList<>();
        List<String[]> params = endpoint.params();
        for (int i = 0; i < params.size(); i++) {
            String[] param = params.get(i);
            List<String[]> without = new ArrayList<>(params);
            without.remove(i);
            inputs.add(BadInput.of("no " + param[0], endpoint, without, endpoint.headers()));
            inputs.add(BadInput.of(param[0] + " twice", endpoint, appended(params, param), endpoint.headers()));
            inputs.add(BadInput.of(param[0] + " twice, differing", endpoint,
                    appended(params, new String[] { param[0], "other" }), endpoint.headers()));
            inputs.add(BadInput.of(param[0] + " without =", endpoint,
                    replaced(params, i, new String[] { param[0], null }), endpoint.headers()));
        }
        for (String junk : List.of("%00=1", "=1", "&&&", "a%=1", "%zz=1", "x[]=1&x[a]=2", "%FF%FE=%FF",
                "class.module.classLoader=x", "_method=DELETE")) {
            inputs.add(BadInput.of("junk " + junk, endpoint, appended(params, new String[] { junk, null }),
                    endpoint.headers()));
        }
        inputs.add(BadInput.of("no parameters", endpoint, List.of(), endpoint.headers()));
        return inputs;
    }

    /** The request with each header variant in place of the header of the same name. */
    static List<BadInput> headers(Endpoint endpoint, List<List<String[]>> variants) {
        List<BadInput> inputs = new ArrayList<>();
        for (List<String[]> variant : variants) {
            List<String[]> headers = new ArrayList<>(endpoint.headers());
            headers.removeIf(h -> variant.stream().anyMatch(v -> v[0].equalsIgnoreCase(h[0])));
            headers.addAll(variant);
            String label = variant.get(0)[0] + ": " + abbreviated(variant.get(0)[1])
                    + (variant.size() > 1 ? " (repeated)" : "");
            inputs.add(BadInput.of(label, endpoint, endpoint.params(), headers));
        }
        return inputs;
    }

    /** A form post whose body is raw invalid UTF-8, control bytes, or larger than any form may be. */
    static List<BadInput> formBodies(Endpoint endpoint) {
        List<BadInput> inputs = new ArrayList<>();
        String valid = BadInput.join(endpoint.params());
        for (String[] body : List.of(new String[] { "raw invalid UTF-8", valid + "&x=\u00ff\u00fe\u00c3" },
                new String[] { "raw control bytes", valid + "&x=\u0000\u0001\u001b" },
                new String[] { "oversized (3 MB)", valid + "&x=" + "z".repeat(3 * 1024 * 1024) },
                new String[] { "many parameters", valid + "&p=1".repeat(20_000) })) {
            byte[] bytes = body[1].getBytes(StandardCharsets.ISO_8859_1);
            List<String[]> headers = new ArrayList<>(endpoint.headers());
            headers.add(new String[] { "Content-Type", "application/x-www-form-urlencoded" });
            inputs.add(new BadInput(endpoint.name() + " " + body[0], endpoint.method(), endpoint.path(), headers,
                    bytes, endpoint.expect()));
        }
        return inputs;
    }

    private static List<String[]> replaced(List<String[]> params, int index, String[] param) {
        List<String[]> copy = new ArrayList<>(params);
        copy.set(index, param);
        return copy;
    }

    private static List<String[]> appended(List<String[]> params, String[] param) {
        List<String[]> copy = new ArrayList<>(params);
        copy.add(param);
        return copy;
    }

    static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 30) + "...(" + value.length() + " chars)" : value;
    }
}
