package io.sessionledger.deploy.edge.wire;

import io.sessionledger.deploy.edge.EdgeError;
import io.sessionledger.deploy.edge.EdgeLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAssemblerTest {

    private final Deque<ByteBuffer> ready = new ArrayDeque<>();
    private final List<String> events = new ArrayList<>();
    private final RequestAssembler assembler = new RequestAssembler(EdgeLimits.DEFAULTS, new RequestAssembler.Events() {
        @Override
        public void headStarted() {
            events.add("head");
        }

        @Override
        public void bodyStarted(boolean expectsContinue) {
            events.add(expectsContinue ? "body, 100" : "body");
        }

        @Override
        public void requestEnded() {
            events.add("end");
        }
    }, ready);

    @ParameterizedTest(name = "{0} bytes at a time")
    @ValueSource(ints = {1, 7, 100_000})
    void pipelinedRequestsComeOutWholeAndInOrderHoweverTheBytesArrive(int step) {
        String get = "GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n";
        String put = "PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\n{\"\"}";
        String chunked = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\nx: y\r\n\r\n"
                + "3;e=1\r\n{\"a\r\n3\r\n\":1\r\n1\r\n}\r\n0\r\nt: 1\r\n\r\n";

        feed(get + put + chunked, step);

        assertThat(output()).isEqualTo(get + put
                + "POST /c HTTP/1.1\r\nHost: h\r\nx: y\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
        assertThat(events).containsExactly("head", "end", "head", "body", "end", "head", "body, 100", "end");
        assertThat(assembler.inProgress()).isFalse();
    }

    @Test
    void aRequestIsHeldUntilItsBodyIsComplete() {
        feed("PUT /b HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\n{\"\"", 100);

        assertThat(ready).isEmpty();
        assertThat(assembler.inProgress()).isTrue();
    }

    @Test
    void aRefusedRequestBecomesTheEdgesOwnRequestForItsPathAndNothingAfterItIsRead() {
        feed("GET /ok HTTP/1.1\r\nHost: h\r\n\r\nGET /v2/agents/x HTTP/1.1\r\nHost: h\r\nbad header: 1\r\n\r\n"
                + "GET /never HTTP/1.1\r\nHost: h\r\n\r\n", 5);

        assertThat(output()).isEqualTo("GET /ok HTTP/1.1\r\nHost: h\r\n\r\n"
                + "GET /v2/agents/x HTTP/1.1\r\nHost: edge\r\nx-ledger-edge-refusal: 1\r\n\r\n");
        assertThat(assembler.refusal().error()).isEqualTo(EdgeError.BAD_REQUEST);
        assertThat(assembler.refused()).isTrue();
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItArrives() {
        feed("HEAD /k HTTP/1.1\r\nHost: h\r\nContent-Length: 65537\r\n\r\n", 1000);

        assertThat(assembler.refusal().error()).isEqualTo(EdgeError.PAYLOAD_TOO_LARGE);
        assertThat(output()).startsWith("HEAD /k HTTP/1.1\r\n");
    }

    @Test
    void aRequestInProgressCanBeRefusedWhenItsTimeIsUp() {
        feed("PUT /gks-server/v1/sessions/new HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\n{", 1000);

        assembler.refuseInProgress(EdgeError.REQUEST_TIMEOUT, "head late", "body late");

        assertThat(assembler.refusal()).isEqualTo(new Refusal(EdgeError.REQUEST_TIMEOUT, "body late",
                "/gks-server/v1/sessions/new", false));
    }

    private void feed(String bytes, int step) {
        byte[] all = bytes.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < all.length; at += step) {
            int length = Math.min(step, all.length - at);
            ByteBuffer buffer = ByteBuffer.allocate(length + 10).position(3);
            buffer.put(all, at, length);
            assembler.feed(buffer, 3, 3 + length);
        }
    }

    private String output() {
        StringBuilder out = new StringBuilder();
        for (ByteBuffer piece : ready) {
            byte[] bytes = new byte[piece.remaining()];
            piece.duplicate().get(bytes);
            out.append(new String(bytes, StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
