package dev.accounts.bootstrap;

import dev.accounts.adapters.web.server.ConnectionGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slow and idle clients are cut off and the number of connections is capped, while everyone else is served. */
@TestPropertySource(properties = {"accounts.server.header-read-timeout=1s", "accounts.server.body-read-timeout=1s",
        "accounts.server.max-connections=40", "accounts.server.max-connections-per-address=40", "server.netty.idle-timeout=2s"})
class ConnectionLimitsEndToEndIT extends EndToEndTest {

    private static final byte[] SLOW_REQUEST = ("POST /users/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 60\r\n\r\n{\"email\":\"slow@example.com\",\"password\":\"x\",\"confirmPassword\":\"x\"}").getBytes(StandardCharsets.US_ASCII);

    @Autowired
    WebTestClient client;

    @Autowired
    ConnectionGuard guard;

    @LocalServerPort
    int port;

    @Test
    void cutsOffAClientSendingItsHeadersOneByteAtATimeWhileServingOthers() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", port)) {
            int sent = trickle(slow, SLOW_REQUEST, 0, 40);

            assertThat(sent).as("bytes sent before the server hung up").isLessThan(40);
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }

    @Test
    void cutsOffAClientSendingItsBodyOneByteAtATime() throws Exception {
        int headersEnd = new String(SLOW_REQUEST, StandardCharsets.US_ASCII).indexOf("\r\n\r\n") + 4;
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.getOutputStream().write(SLOW_REQUEST, 0, headersEnd);

            int sent = trickle(slow, SLOW_REQUEST, headersEnd, SLOW_REQUEST.length - headersEnd);

            assertThat(sent).as("body bytes sent before the server hung up").isLessThan(SLOW_REQUEST.length - headersEnd);
        }
    }

    @Test
    void answers408AndClosesWhenABodyStopsComingHalfway() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", port)) {
            stalled.setSoTimeout(10_000);
            stalled.getOutputStream().write(SLOW_REQUEST, 0, SLOW_REQUEST.length - 20);

            String answer = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json", "request-timeout");
        }
    }

    @Test
    void closesAConnectionThatStaysIdle() throws Exception {
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout(10_000);

            assertThat(idle.getInputStream().read()).as("end of stream once the idle time-out passed").isEqualTo(-1);
        }
    }

    @Test
    void closesConnectionsBeyondTheCapAndServesAgainOnceSomeEnd() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 45; i++) {
                held.add(new Socket("127.0.0.1", port));
            }
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (guard.openConnections() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(guard.openConnections()).isEqualTo(40);
            // Refused connections are closed as they are accepted; the others stay open until they idle out.
            long refused = 0;
            for (Socket socket : held) {
                if (closedByServer(socket, 20)) {
                    refused++;
                }
            }
            assertThat(refused).as("connections closed at once, past the cap").isPositive();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    /** Sends {@code count} bytes from {@code offset}, one every 150 ms; how many went out before the server answered or closed. */
    private static int trickle(Socket socket, byte[] bytes, int offset, int count) throws InterruptedException {
        int sent = 0;
        try {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(150);
            for (; sent < count; sent++) {
                out.write(bytes[offset + sent]);
                out.flush();
                if (answeredOrClosed(in)) {
                    return sent;
                }
            }
        } catch (IOException closed) {
            return sent;
        }
        return sent;
    }

    /** An answer before the request is whole can only be a refusal (408) before the server closes. */
    private static boolean answeredOrClosed(InputStream in) throws IOException {
        try {
            in.read();
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private static boolean closedByServer(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
