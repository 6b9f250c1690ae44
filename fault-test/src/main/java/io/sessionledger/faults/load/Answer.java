package io.sessionledger.faults.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** An HTTP answer as the load reads it; status -1 with a failure when none came. */
record Answer(int status, JsonNode body, Long version, boolean pending, boolean stale, String failure) {

    static Answer none(String failure) {
        return new Answer(-1, MissingNode.getInstance(), null, false, false, failure);
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
