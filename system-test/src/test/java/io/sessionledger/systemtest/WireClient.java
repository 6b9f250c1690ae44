package io.sessionledger.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes on one connection to the edge, exactly as a hostile or old client sends them, and the answers read
 * back by their own framing (Content-Length or chunked), so that several answers on one connection can be
 * told apart. A connection the server closes without answering reads as status 0.
 */
final class WireClient implements AutoCloseable {

    record Answer(int status, String head, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + head + "\n\n" + body, e);
            }
        }

        boolean hasHeader(String nameAndValue) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + nameAndValue.toLowerCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    WireClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    WireClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next answer on this connection. */
    Answer read() throws IOException {
        String head;
        try {
            head = readHead();
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return new Answer(0, "", "");
        }
        if (head.isEmpty()) {
            return new Answer(0, "", "");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        byte[] body;
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            body = readChunked();
        } else if (lower.contains("\r\ncontent-length:")) {
            int at = lower.indexOf("\r\ncontent-length:") + 17;
            int length = Integer.parseInt(lower.substring(at, lower.indexOf("\r\n", at)).trim());
            body = in.readNBytes(length);
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, head, new String(body, StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!endsWithBlankLine(head) && (b = in.read()) != -1) {
            head.append((char) b);
        }
        return head.toString();
    }

    private static boolean endsWithBlankLine(StringBuilder head) {
        int n = head.length();
        return n >= 4 && head.charAt(n - 4) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 2) == '\r'
                && head.charAt(n - 1) == '\n';
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int size = Integer.parseInt(sizeLine.trim(), 16);
            if (size == 0) {
                readLine();
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
