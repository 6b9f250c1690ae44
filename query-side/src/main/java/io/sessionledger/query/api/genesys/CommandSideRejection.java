package io.sessionledger.query.api.genesys;

/** The command side refused a request with a 4xx; its body is already a Genesys error and passes through. */
public class CommandSideRejection extends RuntimeException {

    private final int status;
    private final byte[] body;

    public CommandSideRejection(int status, byte[] body) {
        super("command side answered " + status);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }
}
