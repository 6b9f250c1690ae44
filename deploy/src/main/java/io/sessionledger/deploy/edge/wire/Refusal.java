package io.sessionledger.deploy.edge.wire;

import io.sessionledger.deploy.edge.EdgeError;

/**
 * A request the edge refuses before Undertow parses it.
 *
 * @param path the request's path as far as it was read (it decides the dialect of the answer), or "/"
 * @param head whether it was a HEAD request (the answer then has no body)
 */
public record Refusal(EdgeError error, String detail, String path, boolean head) {

    static Refusal badRequest(String detail, String path, boolean head) {
        return new Refusal(EdgeError.BAD_REQUEST, detail, path, head);
    }
}
