package io.sessionledger.deploy.services;

/** Something the launcher started did not come up; the message says what and shows its log. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
