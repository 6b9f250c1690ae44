package io.sessionledger.query.api;

import io.sessionledger.service.errors.ApiException;

/**
 * An error answer (a 404 above all) given after the read barrier ran out or was skipped: the session may exist
 * in a write the projection has not reached yet, so the answer carries {@code x-ledger-consistency: stale} like
 * any other unconfirmed read. Made by {@link Reads#error}; answered by {@link StaleErrorAdvice}.
 */
public final class StaleError extends ApiException {

    StaleError(ApiException unconfirmed) {
        super(unconfirmed.error());
    }
}
