package org.orrery.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.orrery.clients.ClientRegistration;
import org.orrery.clients.ClientType;
import org.orrery.clients.RedirectUriMatching;
import org.orrery.registry.OrcidId;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A sandbox seed file: researchers and clients to create or update at start-up. Parsing checks every entry
 * and names the file, the entry and the field of the first problem.
 */
record SeedFile(List<ResearcherEntry> researchers, List<ClientEntry> clients) {

    record ResearcherEntry(String orcid, String givenNames, String familyName, String email, String password,
            SeedRecord record) {

        ResearcherEntry(String orcid, String givenNames, String familyName, String email, String password) {
            this(orcid, givenNames, familyName, email, password, SeedRecord.EMPTY);
        }
    }

    record ClientEntry(String clientId, String clientSecret, String name, String description, String website,
            ClientType type, List<String> redirectUris, RedirectUriMatching matching, Set<String> scopes) {
    }

    /** Thrown for a file that cannot be applied; the message says where and why. */
    static final class InvalidSeedFileException extends RuntimeException {

        InvalidSeedFileException(String message) {
            super(message);
        }
    }

    static SeedFile read(Path path) {
        Object document;
        try (InputStream in = Files.newInputStream(path)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            document = new Yaml(new SafeConstructor(options)).load(in);
        }
        catch (NoSuchFileException ex) {
            throw new InvalidSeedFileException("Seed file " + path + " does not exist");
        }
        catch (IOException ex) {
            throw new InvalidSeedFileException("Seed file " + path + " cannot be read: " + ex.getMessage());
        }
        catch (YAMLException ex) {
            throw new InvalidSeedFileException("Seed file " + path + " is not valid YAML: " + ex.getMessage());
        }
        if (document == null) {
            return new SeedFile(List.of(), List.of());
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw new InvalidSeedFileException("Seed file " + path + ": the top level must hold 'researchers' and 'clients'");
        }
        for (Object key : top.keySet()) {
            if (!"researchers".equals(key) && !"clients".equals(key) && !"operators".equals(key)) {
                throw new InvalidSeedFileException("Seed file " + path + ": unknown section '" + key
                        + "' (expected researchers, clients, operators)"); // operators: org.orrery.admin.OperatorSeed
            }
        }
        Reader reader = new Reader(path);
        List<ResearcherEntry> researchers = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        Set<String> orcids = new HashSet<>();
        List<?> researcherList = reader.list(top.get("researchers"), "researchers");
        for (int i = 0; i < researcherList.size(); i++) {
            String where = "researchers[" + i + "]";
            Map<?, ?> entry = reader.map(researcherList.get(i), where);
            reader.onlyKeys(entry, where, Set.of("orcid", "given-names", "family-name", "email", "password", "record"));
            String orcid = reader.optional(entry, where, "orcid");
            if (orcid != null && !OrcidId.isValid(orcid)) {
                throw reader.problem(where, "orcid", "'" + orcid + "' is not a valid ORCID iD (format or check digit)");
            }
            if (orcid != null && !orcids.add(orcid)) {
                throw reader.problem(where, "orcid", "duplicate iD " + orcid);
            }
            String email = reader.required(entry, where, "email");
            if (!email.contains("@")) {
                throw reader.problem(where, "email", "'" + email + "' is not an email address");
            }
            if (!emails.add(email.trim().toLowerCase(Locale.ROOT))) {
                throw reader.problem(where, "email", "duplicate email " + email);
            }
            String password = reader.required(entry, where, "password");
            if (password.length() < 8) {
                throw reader.problem(where, "password", "must be at least 8 characters");
            }
            researchers.add(new ResearcherEntry(orcid, reader.required(entry, where, "given-names"),
                    reader.optional(entry, where, "family-name"), email.trim(), password,
                    SeedRecord.read(path, where, entry.get("record"))));
        }
        List<ClientEntry> clients = new ArrayList<>();
        Set<String> clientIds = new HashSet<>();
        List<?> clientList = reader.list(top.get("clients"), "clients");
        for (int i = 0; i < clientList.size(); i++) {
            String where = "clients[" + i + "]";
            Map<?, ?> entry = reader.map(clientList.get(i), where);
            reader.onlyKeys(entry, where, Set.of("client-id", "client-secret", "name", "description", "website",
                    "type", "redirect-uris", "redirect-uri-matching", "scopes"));
            String clientId = reader.optional(entry, where, "client-id");
            if (clientId != null && !ClientRegistration.CLIENT_ID.matcher(clientId).matches()) {
                throw reader.problem(where, "client-id", "'" + clientId + "' must match APP-[0-9A-Z]{16}");
            }
            if (clientId != null && !clientIds.add(clientId)) {
                throw reader.problem(where, "client-id", "duplicate client id " + clientId);
            }
            String secret = reader.optional(entry, where, "client-secret");
            if (secret != null && secret.length() < 16) {
                throw reader.problem(where, "client-secret", "must be at least 16 characters");
            }
            ClientType type;
            try {
                type = ClientType.fromSeedName(reader.required(entry, where, "type"));
            }
            catch (IllegalArgumentException ex) {
                throw reader.problem(where, "type", ex.getMessage());
            }
            RedirectUriMatching matching;
            try {
                matching = RedirectUriMatching.fromSeedName(reader.optional(entry, where, "redirect-uri-matching"));
            }
            catch (IllegalArgumentException ex) {
                throw reader.problem(where, "redirect-uri-matching", ex.getMessage());
            }
            List<String> uris = new ArrayList<>();
            for (Object uri : reader.list(entry.get("redirect-uris"), where + ".redirect-uris")) {
                uris.add(String.valueOf(uri));
            }
            if (uris.isEmpty()) {
                throw reader.problem(where, "redirect-uris", "at least one redirect URI is required");
            }
            // scopes: extra scopes granted per client (null when the entry does not say, and then left as they are)
            Set<String> scopes = null;
            if (entry.containsKey("scopes")) {
                scopes = new java.util.LinkedHashSet<>();
                for (Object scope : reader.list(entry.get("scopes"), where + ".scopes")) {
                    String value = String.valueOf(scope).trim();
                    if (!org.orrery.clients.ClientLifecycle.GRANTABLE_EXTRA_SCOPES.contains(value)) {
                        throw reader.problem(where, "scopes", "'" + value + "' cannot be granted to a client;"
                                + " grantable: /premium-notification, /webhook, /email/read-private");
                    }
                    scopes.add(value);
                }
                if (!scopes.isEmpty() && type == ClientType.PUBLIC) {
                    throw reader.problem(where, "scopes", "a public client cannot be granted extra scopes");
                }
            }
            clients.add(new ClientEntry(clientId, secret, reader.required(entry, where, "name"),
                    reader.required(entry, where, "description"), reader.optional(entry, where, "website"), type,
                    uris, matching, scopes));
        }
        for (ResearcherEntry researcher : researchers) {
            researcher.record().checkSources(path, clientIds);
        }
        return new SeedFile(researchers, clients);
    }

    /** Small helpers that turn YAML shapes into values or precise errors. */
    private record Reader(Path path) {

        InvalidSeedFileException problem(String where, String field, String message) {
            return new InvalidSeedFileException("Seed file " + this.path + ", entry " + where + ", field '" + field
                    + "': " + message);
        }

        List<?> list(Object value, String where) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw new InvalidSeedFileException("Seed file " + this.path + ": '" + where + "' must be a list");
            }
            return list;
        }

        Map<?, ?> map(Object value, String where) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new InvalidSeedFileException("Seed file " + this.path + ", entry " + where
                        + ": must be a mapping of fields");
            }
            return map;
        }

        void onlyKeys(Map<?, ?> entry, String where, Set<String> allowed) {
            for (Object key : entry.keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    throw problem(where, String.valueOf(key), "unknown field");
                }
            }
        }

        String required(Map<?, ?> entry, String where, String field) {
            String value = optional(entry, where, field);
            if (value == null) {
                throw problem(where, field, "is required");
            }
            return value;
        }

        String optional(Map<?, ?> entry, String where, String field) {
            Object value = entry.get(field);
            if (value == null) {
                return null;
            }
            if (value instanceof Map || value instanceof List) {
                throw problem(where, field, "must be a single value");
            }
            String text = String.valueOf(value).trim();
            return text.isEmpty() ? null : text;
        }
    }
}
