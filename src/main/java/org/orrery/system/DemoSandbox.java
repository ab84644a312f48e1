package org.orrery.system;

/** The demo researcher and demo member client that a default run seeds, so a newcomer can dance at once. */
public final class DemoSandbox {

    public static final String ORCID = "0000-0002-1825-0097";
    public static final String EMAIL = "josiah.carberry@example.org";
    public static final String PASSWORD = "orrery-demo";
    public static final String CLIENT_ID = "APP-DEMO000000000000";
    public static final String CLIENT_SECRET = "orrery-demo-client-secret";
    public static final String REDIRECT_URI = "http://127.0.0.1:8080/demo/callback";

    private DemoSandbox() {
    }
}
