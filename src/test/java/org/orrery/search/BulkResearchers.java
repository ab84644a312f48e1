package org.orrery.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many plain researchers at once, written straight into the database as a bulk import would (the registry has no
 * page for making fifty-five accounts); their record version and change time are set as every write sets them.
 */
final class BulkResearchers {

    private BulkResearchers() {
    }

    static List<String> insert(String url, String user, String password, String givenPrefix, String familyName,
            int count) {
        List<String> orcids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO researcher (orcid, given_names,"
                        + " family_name, email, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', ?)")) {
            for (int i = 0; i < count; i++) {
                String orcid = randomOrcid();
                insert.setString(1, orcid);
                insert.setString(2, givenPrefix + i);
                insert.setString(3, familyName);
                insert.setString(4, orcid + "@bulk.example.org");
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.addBatch();
                orcids.add(orcid);
            }
            insert.executeBatch();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return orcids;
    }

    /** A random iD in the 0009 block with its ISO 7064 MOD 11-2 check character. */
    static String randomOrcid() {
        String digits = "0009" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        int total = 0;
        for (char c : digits.toCharArray()) {
            total = (total + (c - '0')) * 2;
        }
        int check = (12 - total % 11) % 11;
        String all = digits + (check == 10 ? "X" : String.valueOf(check));
        return all.substring(0, 4) + "-" + all.substring(4, 8) + "-" + all.substring(8, 12) + "-" + all.substring(12);
    }
}
