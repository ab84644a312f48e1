package org.orrery.search;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * The search benchmark's synthetic researchers, loaded in bulk: CSV files of {@link #CHUNK} records at a time,
 * then PostgreSQL's {@code COPY} or H2's {@code CSVREAD}. Record {@code i} is a pure function of {@code i}, so the
 * benchmark's queries know what each one must find. Per record: a name with diacritics (private for 1 in 25), a
 * credit name for 1 in 10, one other name (public for 1 in 3), a keyword, a current employment with a ROR id, a
 * past education with a Ringgold id (private for 1 in 4), a membership with a GRID id, and two works with
 * DOIs (the second private for 1 in 5); the primary e-mail is public for 1 in 20 and 1 in 200 records is
 * deactivated. Change times lie an hour in the past, as for records that were there before the node started.
 */
final class SyntheticRegistry {

    static final int CHUNK = 50_000;

    static final String[] GIVEN = { "José", "Zoë", "Åsa", "François", "Jürgen", "Siobhán", "Łukasz", "Ana",
            "Chen", "Yuki", "Olúwaseun", "Mikael", "Noémie", "Ines", "Ravi", "Grace", "Tomáš", "Eleni", "Kwame",
            "Björn" };

    static final String[] FAMILY = { "Müller", "García", "Øster", "Nguyễn", "Kowalski", "Obrien", "Dupré",
            "Silva", "Tanaka", "Haddad", "Novák", "Smith", "Ivanova", "Okafor", "Lindqvist", "Rossi" };

    static final String[] WORDS = { "quantum", "glacier", "protein", "orbit", "lattice", "enzyme", "cohort",
            "neural", "basalt", "photon", "genome", "climate", "fluid", "soil", "plasma", "ethics", "memory",
            "catalyst", "river", "market" };

    private static final String RESEARCHER = "orcid,given_names,family_name,credit_name,email,password_hash,"
            + "created_at,record_state,record_changed_at";

    private static final String SETTINGS = "orcid,default_visibility,name_visibility,email_visibility,"
            + "biography_visibility,modified_at";

    private static final String ITEM = "orcid,item_type,visibility,display_index,created_at,modified_at,body";

    private SyntheticRegistry() {
    }

    static String orcid(int i) {
        return String.format("0009-%04d-%04d-%04d", (i / 100_000_000) % 10_000, (i / 10_000) % 10_000, i % 10_000);
    }

    /** Family names are one of {@link #FAMILY} and a number: about 16,000 distinct, some 60 records each at 10^6. */
    static String family(int i) {
        return FAMILY[i % FAMILY.length] + (i % 997);
    }

    static String given(int i) {
        return GIVEN[(i / 7) % GIVEN.length];
    }

    static String email(int i) {
        return "r" + i + "@bench.example.org";
    }

    static boolean emailPublic(int i) {
        return i % 20 == 0;
    }

    static String affiliation(int i) {
        return WORDS[i % WORDS.length] + " institute " + (i % 500);
    }

    static String ror(int i) {
        return "https://ror.org/0r" + (i % 5000);
    }

    static String grid(int i) {
        return "grid." + (i % 2000) + ".5";
    }

    static String doi(int i, int work) {
        return "10.9999/bench." + i + "." + work;
    }

    /** Loads records {@code 0 .. count-1}; returns the seconds taken. */
    static double load(String url, String user, String password, int count) throws IOException, SQLException {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("orrery-search-load");
        String when = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            for (int from = 0; from < count; from += CHUNK) {
                int to = Math.min(count, from + CHUNK);
                Path researchers = dir.resolve("researcher.csv");
                Path settings = dir.resolve("settings.csv");
                Path items = dir.resolve("items.csv");
                write(from, to, when, researchers, settings, items);
                copy(db, "researcher", RESEARCHER, researchers);
                copy(db, "record_settings", SETTINGS, settings);
                copy(db, "record_item", ITEM, items);
                if (to % 200_000 == 0 || to == count) {
                    System.out.printf("Search bench: loaded %,d of %,d records (%.0f s)%n", to, count,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            if (db.getMetaData().getURL().startsWith("jdbc:postgresql")) {
                try (Statement analyze = db.createStatement()) {
                    analyze.execute("ANALYZE");
                }
            }
        }
        finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void copy(Connection db, String table, String columns, Path csv) throws SQLException, IOException {
        if (db.getMetaData().getURL().startsWith("jdbc:postgresql")) {
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                db.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", in);
            }
        }
        else {
            try (Statement insert = db.createStatement()) {
                insert.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT * FROM CSVREAD('"
                        + csv.toAbsolutePath() + "', '" + columns.toUpperCase() + "', 'charset=UTF-8')");
            }
        }
    }

    private static void write(int from, int to, String when, Path researchers, Path settings, Path items)
            throws IOException {
        try (BufferedWriter r = Files.newBufferedWriter(researchers, StandardCharsets.UTF_8);
                BufferedWriter s = Files.newBufferedWriter(settings, StandardCharsets.UTF_8);
                BufferedWriter it = Files.newBufferedWriter(items, StandardCharsets.UTF_8)) {
            for (int i = from; i < to; i++) {
                String orcid = orcid(i);
                String given = given(i);
                String family = family(i);
                row(r, orcid, given, family, i % 10 == 0 ? given.charAt(0) + ". " + family : null, email(i), "x",
                        when, i % 200 == 199 ? "DEACTIVATED" : "ACTIVE", when);
                row(s, orcid, "PUBLIC", i % 25 == 0 ? "PRIVATE" : "PUBLIC", emailPublic(i) ? "PUBLIC" : "PRIVATE",
                        "PUBLIC", when);
                String word = WORDS[i % WORDS.length];
                item(it, orcid, "OTHER_NAME", i % 3 == 0 ? "PUBLIC" : "LIMITED", when,
                        "{\"content\":\"" + given + " " + FAMILY[(i + 3) % FAMILY.length] + "\"}");
                item(it, orcid, "KEYWORD", "PUBLIC", when, "{\"content\":\"" + word + "\"}");
                item(it, orcid, "EMPLOYMENT", "PUBLIC", when, "{\"organization\":{\"name\":\"" + affiliation(i)
                        + "\",\"address\":{\"city\":\"Oslo\",\"country\":\"NO\"},\"disambiguated-organization\":{"
                        + "\"disambiguated-organization-identifier\":\"" + ror(i) + "\",\"disambiguation-source\":"
                        + "\"ROR\"}}}");
                item(it, orcid, "EDUCATION", i % 4 == 0 ? "PRIVATE" : "PUBLIC", when, "{\"organization\":{\"name\":"
                        + "\"Université de " + WORDS[(i + 5) % WORDS.length] + " " + (i % 300) + "\",\"address\":"
                        + "{\"city\":\"Lyon\",\"country\":\"FR\"},\"disambiguated-organization\":{"
                        + "\"disambiguated-organization-identifier\":\"" + (i % 300 + 1000) + "\","
                        + "\"disambiguation-source\":\"RINGGOLD\"}},\"end-date\":{\"year\":{\"value\":\"2010\"}}}");
                item(it, orcid, "MEMBERSHIP", "PUBLIC", when, "{\"organization\":{\"name\":\"Society of "
                        + WORDS[(i + 9) % WORDS.length] + " " + (i % 50) + "\",\"address\":{\"city\":\"Bern\","
                        + "\"country\":\"CH\"},\"disambiguated-organization\":{"
                        + "\"disambiguated-organization-identifier\":\"" + grid(i) + "\","
                        + "\"disambiguation-source\":\"GRID\"}}}");
                for (int w = 1; w <= 2; w++) {
                    item(it, orcid, "WORK", w == 2 && i % 5 == 0 ? "PRIVATE" : "PUBLIC", when,
                            "{\"title\":{\"title\":{\"value\":\"On " + word + " and "
                                    + WORDS[(i + w) % WORDS.length] + "\"}},\"type\":\"journal-article\","
                                    + "\"external-ids\":{\"external-id\":[{\"external-id-type\":\"doi\","
                                    + "\"external-id-value\":\"" + doi(i, w) + "\",\"external-id-relationship\":"
                                    + "\"self\"}]}}");
                }
            }
        }
    }

    private static void item(BufferedWriter out, String orcid, String type, String visibility, String when,
            String body) throws IOException {
        row(out, orcid, type, visibility, "0", when, when, body);
    }

    private static void row(BufferedWriter out, String... values) throws IOException {
        List<String> cells = new ArrayList<>(values.length);
        for (String value : values) {
            cells.add(value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"");
        }
        out.write(String.join(",", cells));
        out.write('\n');
    }
}
