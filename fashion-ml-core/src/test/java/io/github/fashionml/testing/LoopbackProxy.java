package io.github.fashionml.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal forwarding HTTP proxy on the loopback interface, for tests: it answers {@code GET http://...}
 * requests by fetching the URL directly, counts them, and, when given credentials, demands them (407 with a
 * Basic challenge otherwise). One request per connection.
 */
public final class LoopbackProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** @param user null for a proxy without authentication */
    public LoopbackProxy(String user, String password) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        expectedAuthorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::acceptLoop, "loopback-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Requests forwarded to their server. */
    public int forwarded() {
        return forwarded.get();
    }

    /** Requests refused for missing or wrong credentials. */
    public int refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                handle(socket);
            } catch (IOException e) {
                // Closed, or a client gone: next.
            }
        }
    }

    private void handle(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        String authorization = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("proxy-authorization:")) {
                authorization = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        OutputStream out = socket.getOutputStream();
        String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
        if (parts.length < 2 || !parts[0].equals("GET") || !parts[1].startsWith("http://")) {
            out.write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
            refused.incrementAndGet();
            out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        forwarded.incrementAndGet();
        HttpURLConnection target = (HttpURLConnection) URI.create(parts[1]).toURL().openConnection(Proxy.NO_PROXY);
        int status = target.getResponseCode();
        InputStream body = status < 400 ? target.getInputStream() : target.getErrorStream();
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        out.write(("HTTP/1.1 " + status + " Forwarded\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
