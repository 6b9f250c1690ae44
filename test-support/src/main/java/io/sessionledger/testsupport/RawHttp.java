package io.sessionledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as written (raw UTF-8 in headers, malformed bodies) over one HTTP/1.1 connection, which
 * a well-behaved client library refuses to do, and reads the answer.
 */
public final class RawHttp {

    public record Answer(int status, String head, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    public static Answer send(int port, byte[] head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            byte[] answer = readAll(socket.getInputStream());
            int split = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            String headPart = new String(answer, 0, split, StandardCharsets.ISO_8859_1);
            byte[] rest = java.util.Arrays.copyOfRange(answer, split + 4, answer.length);
            String bodyPart = new String(headPart.toLowerCase(java.util.Locale.ROOT)
                    .contains("transfer-encoding: chunked") ? dechunk(rest) : rest, StandardCharsets.UTF_8);
            int status = Integer.parseInt(headPart.substring(9, 12));
            boolean json = headPart.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json");
            return new Answer(status, headPart, json && !bodyPart.isBlank() ? JSON.readTree(bodyPart) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request with {@code Connection: close} so the answer ends with the connection. */
    public static Answer request(int port, String method, String path, String headers, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n";
        return send(port, head.getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
