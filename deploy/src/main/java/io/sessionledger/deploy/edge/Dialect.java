package io.sessionledger.deploy.edge;

/** Which API a path belongs to: it decides the shape of the edge's own errors and whether quotas apply. */
public enum Dialect {
    GENESYS,
    KORE,
    VECTARA,
    LEDGER,
    /** Health, API docs, Swagger UI and unknown paths. */
    NONE;

    public static Dialect of(String path) {
        if (Routes.under(path, "/gks-server/v1") || Routes.under(path, "/gks-server/v2")) {
            return GENESYS;
        }
        if (Routes.under(path, "/api/v2/apps")) {
            return KORE;
        }
        if (Routes.under(path, "/v2/agents")) {
            return VECTARA;
        }
        if (Routes.under(path, "/ledger/v1")) {
            return LEDGER;
        }
        return NONE;
    }

    /** The dialect APIs and the ledger API: what API keys and their quotas are for. */
    public boolean isApi() {
        return this != NONE;
    }
}
