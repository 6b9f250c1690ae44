package io.sessionledger.faults.load;

/** What one request of the load did. */
public enum Kind {
    GENESYS_CREATE(true), GENESYS_ASSOCIATE(true), GENESYS_READ(false),
    KORE_CREATE(true), KORE_READ(false),
    VECTARA_CREATE(true), VECTARA_PATCH(true), VECTARA_READ(false);

    private final boolean write;

    Kind(boolean write) {
        this.write = write;
    }

    public boolean isWrite() {
        return write;
    }

    /** Vectara sessions are known to their clients by key, the others by sessionId. */
    public boolean byKey() {
        return this == VECTARA_CREATE || this == VECTARA_PATCH || this == VECTARA_READ;
    }
}
