package dev.accounts.bootstrap;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check (Dockerfile {@code HEALTHCHECK}): exits 0 when the URL it is given answers 200,
 * 1 otherwise. JRE images have neither curl nor wget, and a JRE cannot run a Java source file, so the check is
 * this class, run from the extracted jar's classes with nothing else on the class path.
 */
public final class ReadinessCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    private ReadinessCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ReadinessCheck URL");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            System.out.println(args[0] + " answered " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException unreachable) {
            System.out.println(args[0] + " did not answer: " + unreachable);
            System.exit(1);
        }
    }
}
