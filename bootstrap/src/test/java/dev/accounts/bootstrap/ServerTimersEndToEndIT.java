package dev.accounts.bootstrap;

import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finished requests leave nothing queued on the event loops. A timer per request that outlives it (Reactor
 * Netty's {@code requestTimeout} did) holds every finished request until the timer expires, and under load
 * those fill the old generation.
 */
class ServerTimersEndToEndIT extends EndToEndTest {

    private static final int REQUESTS = 400;

    @LocalServerPort
    int port;

    @Autowired
    ReactorResourceFactory resources;

    @Test
    void finishedRequestsLeaveNoTimersBehind() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < REQUESTS / 2; i++) {
                assertThat(client.send(post("{\"email\":\"not-an-email\"}"), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(400);
                assertThat(client.send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            }

            assertThat(scheduledTasksOnTheServerLoops()).as("tasks queued after %d requests on one connection", REQUESTS).isLessThan(50);
        }
    }

    private HttpRequest post(String json) {
        return HttpRequest.newBuilder(uri("/users/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private int scheduledTasksOnTheServerLoops() throws Exception {
        int tasks = 0;
        for (EventExecutor loop : resources.getLoopResources().onServer(true)) {
            tasks += loop.submit(() -> queued(loop)).get();
        }
        return tasks;
    }

    /** Netty offers no count of scheduled tasks, so the queue is read on its own thread, by reflection. */
    private static int queued(EventExecutor loop) throws ReflectiveOperationException {
        Field queue = AbstractScheduledEventExecutor.class.getDeclaredField("scheduledTaskQueue");
        queue.setAccessible(true);
        Object tasks = queue.get(loop);
        return tasks == null ? 0 : ((Collection<?>) tasks).size();
    }
}
