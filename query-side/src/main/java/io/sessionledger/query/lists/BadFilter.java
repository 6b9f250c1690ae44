package io.sessionledger.query.lists;

/**
 * A list {@code filter} that is not an acceptable regular expression. The message is written for the client,
 * as the value of {@code field_errors.filter} in a 400.
 */
public class BadFilter extends IllegalArgumentException {

    public BadFilter(String message) {
        super(message);
    }
}
