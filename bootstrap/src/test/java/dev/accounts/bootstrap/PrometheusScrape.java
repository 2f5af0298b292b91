package dev.accounts.bootstrap;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Arrays;

/** One scrape of {@code /actuator/prometheus}, read as a Prometheus server would: sample lines of name, labels and value. */
record PrometheusScrape(String text) {

    /** More than the service's own limit on request bodies, which the test's client shares. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static PrometheusScrape of(WebTestClient client) {
        return new PrometheusScrape(client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BYTES)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The sum of the samples of {@code name} whose labels include every one of {@code labels} ({@code outcome="created"}). */
    double value(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    /** How much {@code name} with {@code labels} grew from {@code before} to this scrape. */
    double since(PrometheusScrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }
}
