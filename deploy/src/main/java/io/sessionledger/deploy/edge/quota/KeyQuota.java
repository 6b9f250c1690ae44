package io.sessionledger.deploy.edge.quota;

/** What the edge knows about one API key: whose it is and its rate, or that it is not limited here. */
record KeyQuota(String keyId, long requestsPerSecond) {

    /** Keys the services will refuse (or the admin key), and keys that could not be looked up. */
    static final KeyQuota UNLIMITED = new KeyQuota(null, 0);

    boolean limited() {
        return keyId != null;
    }
}
