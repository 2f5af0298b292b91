package dev.accounts.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The development PostgreSQL, locked to the user who runs the service. zonky's defaults suit throw-away
 * test databases, not one that keeps users' password hashes: it trusts every local connection as the
 * superuser and unpacks its binaries into a shared directory under the system temp folder, where any
 * local user could replace them. Here the binaries live in an owner-only directory, the superuser has a
 * random password kept owner-only in the data directory, every connection must give it (SCRAM), the
 * server listens on loopback TCP only, and there is no Unix socket.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    static final String PASSWORD_FILE = "accounts-password";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String HBA_MARKER = "# accounts: password (SCRAM) for every connection, loopback TCP only";
    /** The archives of the binaries the development jar carries (bootstrap/pom.xml), named as zonky looks them up. */
    private static final List<String> BINARY_ARCHIVES = List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");

    private EmbeddedDatabase() {
    }

    /** A running server: where to reach it and the password to give. */
    record Started(EmbeddedPostgres server, String password) {

        @Override
        public String toString() {
            return "Started[port=" + server.getPort() + "]"; // never the password
        }
    }

    /** Whether there are binaries to start: the development jar and the tests have them, the production jar has none. */
    static boolean binariesOn(ClassLoader classLoader) {
        return BINARY_ARCHIVES.stream().anyMatch(archive -> classLoader.getResource(archive) != null);
    }

    static Started start(Path dataDir, Path binariesDir) {
        try {
            ownerOnlyDirectory(binariesDir);
            // zonky creates its "parent" directory, under the system temp folder unless told otherwise.
            System.setProperty("ot.epg.working-dir", binariesDir.toString());
            Files.createDirectories(dataDir);
            String password = passwordOf(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    // zonky tunes for throw-away test databases (fsync off); this one keeps users.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(directory -> lockDown(directory.toPath(), binariesDir, password))
                    .start();
            return new Started(server, password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir
                    + " (is another instance of the service using it?)", e);
        }
    }

    /**
     * The superuser's password: the one kept in the data directory, or a new one that {@link #requirePassword}
     * keeps there once initdb has made the directory (initdb wants it empty).
     */
    private static String passwordOf(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void keep(String password, Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return;
        }
        Path temporary = Files.createTempFile(dataDir, ".password", ".tmp");
        setPermissions(temporary, OWNER_ONLY_FILE);
        Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Runs after zonky has unpacked the binaries and run initdb, before the server starts. zonky makes its
     * folder writable by everyone, meant for a shared temp folder; the binaries' folder is made owner-only
     * again. The first time (a new data directory, or one from an earlier version that trusted everyone) it
     * keeps the password, gives it to the superuser in single-user mode, which opens no connection at all,
     * and then makes {@code pg_hba.conf} ask every connection for it.
     */
    private static void lockDown(Path dataDir, Path binariesDir, String password) {
        try {
            ownerOnlyDirectory(binariesDir);
            Path hba = dataDir.resolve("pg_hba.conf");
            if (Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER)) {
                return;
            }
            keep(password, dataDir);
            singleUser(postgresBinary(binariesDir), dataDir, "ALTER ROLE " + USER + " WITH PASSWORD '" + password + "';\n");
            Files.writeString(hba, HBA_MARKER + "\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not require a password of the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static void singleUser(Path postgres, Path dataDir, String statement) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root; zonky starts it the same way
        }
        command.addAll(List.of(postgres.toString(), "--single", "-D", dataDir.toString(), USER));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().write(statement.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode did not set the password");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the password", e);
        }
    }

    /** zonky unpacks into a directory named after the archive's digest; {@code bin/postgres} is in it. */
    private static Path postgresBinary(Path binariesDir) throws IOException {
        try (Stream<Path> unpacked = Files.list(binariesDir)) {
            Optional<Path> binary = unpacked.map(directory -> directory.resolve("bin").resolve("postgres"))
                    .filter(Files::isExecutable)
                    .findFirst();
            return binary.orElseThrow(() -> new IOException("no bin/postgres under " + binariesDir));
        }
    }

    private static void ownerOnlyDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        setPermissions(directory, OWNER_ONLY_DIRECTORY);
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: files inherit their folder's access list.
        }
    }
}
