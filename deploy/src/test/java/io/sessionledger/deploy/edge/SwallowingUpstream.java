package io.sessionledger.deploy.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An instance that dies with the request in hand: it reads a whole request, remembers its x-request-id and
 * closes the connection without answering, as a service killed while handling it would. Whether the request
 * was applied is unknowable to the edge.
 */
final class SwallowingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final Queue<String> swallowed = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    SwallowingUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "swallowing-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The x-request-id of every request read and left unanswered. */
    List<String> swallowedRequestIds() {
        return List.copyOf(swallowed);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                String requestId = readRequest(socket.getInputStream());
                if (requestId != null) {
                    swallowed.add(requestId);
                }
            } catch (IOException e) {
                // closed, or the edge gave up first: either way nothing was answered
            }
        }
    }

    /** Reads the head and a Content-Length body; the request id, or null when no whole head arrived. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String requestId = null;
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-request-id:")) {
                requestId = line.substring(line.indexOf(':') + 1).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        in.readNBytes((int) length);
        return requestId;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
