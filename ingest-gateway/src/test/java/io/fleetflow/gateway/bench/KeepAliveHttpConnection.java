package io.fleetflow.gateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent HTTP/1.1 connection that sends ready-made requests and reads back the status (the
 * body is read and dropped). It does as little as an HTTP client can, so that on a small machine
 * the load generator takes as little CPU as possible away from the server it measures. Understands
 * {@code Content-Length} and chunked answers; one request at a time.
 */
final class KeepAliveHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    KeepAliveHttpConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** The head of a request (request line and headers, with the blank line), ready to send. */
    static byte[] head(String method, String path, int port, String headers, int contentLength) {
        String head =
                method
                        + " "
                        + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1:"
                        + port
                        + "\r\n"
                        + headers
                        + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "")
                        + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a request and returns the answer's status code. */
    int send(byte[] head, byte[] body) throws IOException {
        out.write(head);
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            throw new IOException("the server closed the connection");
        }
        return code;
    }

    private long chunkSize() throws IOException {
        String line = line();
        int semicolon = line.indexOf(';');
        return Long.parseLong(semicolon < 0 ? line.trim() : line.substring(0, semicolon), 16);
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed in a header");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
