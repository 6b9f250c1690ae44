package io.sessionledger.deploy.edge;

/** Where the edge sends a request. */
public enum Route {
    /** Writes: the command side decides. */
    COMMAND,
    /** Reads: the query side answers from its projection. */
    QUERY,
    /** The edge answers itself: the health of the whole system. */
    HEALTH,
    /** The edge answers itself: one OpenAPI document merged from both services' documents. */
    API_DOCS,
    /** Not part of the public API (including everything under /internal). */
    NOT_FOUND
}
