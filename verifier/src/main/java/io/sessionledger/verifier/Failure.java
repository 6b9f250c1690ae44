package io.sessionledger.verifier;

/**
 * The first thing that did not verify: where (line of the export, 0 when not about a line), which event, what kind
 * ({@code checkpoint}, {@code malformed}, {@code altered}, {@code removed}, {@code reordered}, {@code proof},
 * {@code truncated}, {@code inconsistent}) and why.
 */
public record Failure(long line, String eventId, String reason, String detail) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("line ").append(line).append(", ");
        }
        if (eventId != null) {
            text.append("event ").append(eventId).append(", ");
        }
        return text.append(reason).append(": ").append(detail).toString();
    }
}
