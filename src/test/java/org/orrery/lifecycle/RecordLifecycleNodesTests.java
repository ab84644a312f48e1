package org.orrery.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orrery.support.Browser;
import org.orrery.support.Dance;
import org.orrery.support.OrreryIntegrationTest;
import org.orrery.support.OrreryNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes on one database: a state change made through one node holds on the other's very next request,
 * because every API request and every authorize step reads the state from the database.
 */
class RecordLifecycleNodesTests extends OrreryIntegrationTest {

    private static OrreryNode nodeB;

    @Autowired
    RecordLifecycle lifecycleOnA;

    @BeforeAll
    static void startNodeB() {
        nodeB = OrreryNode.start(Map.of("server.port", String.valueOf(freePort()), "orrery.base-url", BASE,
                "spring.datasource.url", DATASOURCE_URL, "spring.datasource.username", DATASOURCE_USERNAME,
                "spring.datasource.password", DATASOURCE_PASSWORD, "orrery.seed-file", testSeedFile()));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aLockMadeThroughOneNodeHoldsOnTheOtherAtOnceAndSoDoesTheUnlock() {
        Subject subject = Subject.register(BASE, PORT, "Nodey");
        String path = "/api/v3.0/" + subject.orcid() + "/work/" + subject.work();
        // both nodes have answered (and kept) the read before the lock
        assertThat(Subject.send("GET", BASE + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(200);
        assertThat(Subject.send("GET", nodeB.url() + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(200);

        nodeB.bean(RecordLifecycle.class).lock(subject.orcid(), Actor.operator("node-b-operator"), "Review");
        assertThat(Subject.send("GET", BASE + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(409);
        assertThat(Subject.send("GET", nodeB.url() + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(409);
        try (Browser browser = new Browser()) {
            String url = Dance.authorizeUrl(nodeB.url(), Dance.MEMBER, "/read-limited", Dance.redirectUri(PORT), "n");
            assertThat(Browser.signIn(browser.openHtml(url), subject.email(), subject.password()).getUrl().getPath())
                .isEqualTo("/account/cannot-authorize");
        }

        this.lifecycleOnA.unlock(subject.orcid(), Actor.operator("node-a-operator"));
        assertThat(Subject.send("GET", nodeB.url() + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(200);
        assertThat(nodeB.bean(RecordLifecycle.class).stateOf(subject.orcid()).isActive()).isTrue();
    }

    @Test
    void aDeactivationThroughOneNodeStopsTheTokensOnTheOther() {
        Subject subject = Subject.register(BASE, PORT, "Nodeo");
        String path = "/api/v3.0/" + subject.orcid() + "/record";
        assertThat(Subject.send("GET", nodeB.url() + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(200);
        this.lifecycleOnA.deactivate(subject.orcid(), Actor.operator("node-a-operator"));
        assertThat(Subject.send("GET", nodeB.url() + path, subject.accessToken(), Subject.JSON, null).statusCode())
            .isEqualTo(401);
        assertThat(Subject.send("GET", nodeB.url() + "/pub/v3.0/" + subject.orcid() + "/record", null, Subject.JSON,
                null).statusCode()).isEqualTo(409);
    }
}
