package io.fleetflow.gateway.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on a free local port, standing in for an operator's webhook: it records
 * every request and answers with the statuses it was told to, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: its headers (lower-case names) and raw body. */
    record Received(Map<String, String> headers, byte[] body, int answered) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    WebhookReceiver() throws IOException {
        this(0);
    }

    WebhookReceiver(int port) throws IOException {
        server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    Integer next = answers.poll();
                    int status = next == null ? 200 : next;
                    Map<String, String> headers = new java.util.HashMap<>();
                    exchange.getRequestHeaders()
                            .forEach(
                                    (k, v) ->
                                            headers.put(
                                                    k.toLowerCase(java.util.Locale.ROOT),
                                                    v.get(0)));
                    received.add(new Received(headers, body, status));
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
        server.start();
    }

    /** The next requests are answered with these statuses, in order. */
    void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/hook");
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
