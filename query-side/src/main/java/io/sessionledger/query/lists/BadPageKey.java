package io.sessionledger.query.lists;

/** A {@code page_key} this service did not issue: a client error (400), never a 500. */
public class BadPageKey extends IllegalArgumentException {

    public BadPageKey() {
        super("page_key is not a page key returned by this API");
    }
}
