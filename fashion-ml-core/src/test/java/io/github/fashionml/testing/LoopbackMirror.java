package io.github.fashionml.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on 127.0.0.1 that serves the files of one directory, and can misbehave on request. */
public final class LoopbackMirror implements AutoCloseable {

    /** How the server answers. */
    public enum Behaviour { SERVE, CORRUPT, TRUNCATE, STALL, NOT_FOUND }

    private final HttpServer server;
    private final Path directory;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Behaviour behaviour;
    private volatile String requiredAuthorization;

    public LoopbackMirror(Path directory, Behaviour behaviour) throws IOException {
        this.directory = directory;
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/data/";
    }

    public int requests() {
        return requests.get();
    }

    public void behave(Behaviour value) {
        this.behaviour = value;
    }

    /** From now on, answers 401 to requests without these Basic credentials. */
    public void requireCredentials(String username, String password) {
        requiredAuthorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (requiredAuthorization != null
                && !requiredAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fashion-ml test mirror\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        String name = exchange.getRequestURI().getPath().replaceFirst("^/data/", "");
        Path file = directory.resolve(name).normalize();
        if (behaviour == Behaviour.NOT_FOUND || !file.startsWith(directory) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        try (OutputStream out = exchange.getResponseBody()) {
            switch (behaviour) {
                case CORRUPT -> {
                    // A well-formed gzip of different contents: the checksum, not the codec, must catch it.
                    byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                    plain[plain.length - 1] ^= 1;
                    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
                    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(gz)) {
                        g.write(plain);
                    }
                    byte[] bad = gz.toByteArray();
                    exchange.sendResponseHeaders(200, bad.length);
                    out.write(bad);
                }
                case TRUNCATE -> {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    exchange.getHttpContext().getServer();
                    // Closing the exchange early ends the body short of its declared length.
                    exchange.close();
                }
                case STALL -> {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body, 0, 100);
                    out.flush();
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
            }
        } catch (IOException ignored) {
            // The client gave up (stall and truncation tests): nothing to do.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
