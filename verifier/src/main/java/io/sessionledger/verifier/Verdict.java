package io.sessionledger.verifier;

/** The outcome of a check: valid with a summary of what was checked, or the first failure. */
public record Verdict(boolean valid, String summary, Failure failure) {

    static Verdict valid(String summary) {
        return new Verdict(true, summary, null);
    }

    static Verdict invalid(Failure failure) {
        return new Verdict(false, null, failure);
    }

    @Override
    public String toString() {
        return valid ? "VALID: " + summary : "INVALID: " + failure;
    }
}
