package dev.accounts.adapters.security.breach;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for the range API on a local port: records every request and answers as the test says. */
final class FakeRangeApi implements AutoCloseable {

    /** Everything an HTTP request carries, as the server received it. */
    record Request(String method, String uri, List<Map.Entry<String, String>> headers, String body) {

        String header(String name) {
            return headers.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        String wholeRequest() {
            return method + " " + uri + "\n" + headers + "\n" + body;
        }
    }

    private record Reply(Publisher<?> after, int status, String body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply reply = new Reply(Mono.empty(), 200, "");
    private final DisposableServer server;

    private FakeRangeApi() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .flatMap(body -> {
                            requests.add(recorded(request, body));
                            Reply current = reply;
                            return Mono.when(current.after())
                                    .then(response.status(current.status()).sendString(Mono.just(current.body())).then());
                        }))
                .bindNow();
    }

    static FakeRangeApi start() {
        return new FakeRangeApi();
    }

    /** With a trailing slash, which the client must not double. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** A URL where nothing listens: the port was free a moment ago. */
    static URI refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void answers(String... lines) {
        reply = new Reply(Mono.empty(), 200, String.join("\r\n", lines) + "\r\n");
    }

    /** Answers only once {@code signal} completes (or emits). */
    void answersAfter(Publisher<?> signal, String... lines) {
        reply = new Reply(signal, 200, String.join("\r\n", lines) + "\r\n");
    }

    void answersStatus(int status) {
        reply = new Reply(Mono.empty(), status, "");
    }

    void answersBody(String body) {
        reply = new Reply(Mono.empty(), 200, body);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static Request recorded(HttpServerRequest request, String body) {
        List<Map.Entry<String, String>> headers = request.requestHeaders().entries().stream()
                .map(header -> Map.entry(header.getKey(), header.getValue())).toList();
        return new Request(request.method().name(), request.uri(), headers, body);
    }
}
