package io.torghut.prober.faults;

import io.torghut.prober.testsupport.StubTorghut;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A Torghut stand-in on one port that speaks either plain HTTP (so an https:// client meets a plain port) or HTTPS
 * with a certificate from {@code keystore}; switched while it runs. Answers {@code /healthz} and
 * {@code /trading/health} with 200 and Torghut's healthy body.
 */
final class SwitchableTlsStub implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tls-stub");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean speakTls;

    SwitchableTlsStub(Path keystore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    void speakTls(boolean on) {
        speakTls = on;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        try (Socket socket = speakTls ? wrap(plain) : plain) {
            socket.setSoTimeout(5000);
            String path = requestPath(socket.getInputStream());
            boolean known = "/healthz".equals(path) || "/trading/health".equals(path);
            byte[] body = (known ? StubTorghut.OK_BODY : "not found").getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + (known ? "200 OK" : "404 Not Found") + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException gone) {
            // a TLS client reading a plain answer gives up; that is the fault under test
        }
    }

    private SSLSocket wrap(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        socket.setUseClientMode(false);
        return socket;
    }

    /** The path of the request line; whatever bytes a TLS ClientHello makes of it in plain mode. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && head.size() < 8192 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > 3 && head.toByteArray()[0] == 0x16) {
                return null; // a TLS handshake record: answer in plain HTTP at once
            }
        }
        String[] line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0].split(" ");
        return line.length >= 2 ? line[1] : null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
