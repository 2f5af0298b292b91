package dev.accounts.adapters.web.logging;

import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs the first event of each interval at its level and the rest of that interval at debug. Events that
 * clients cause (refusals, malformed requests, hang-ups) can come thousands of times a second; the log
 * still says that they happen, in one line a minute, and cannot be flooded by them.
 */
public final class SampledLog {

    private final Logger log;
    private final Level level;
    private final long intervalNanos;
    private final AtomicLong lastLogged;

    public SampledLog(Logger log, Level level, Duration interval) {
        this.log = log;
        this.level = level;
        this.intervalNanos = interval.toNanos();
        this.lastLogged = new AtomicLong(System.nanoTime() - intervalNanos - 1);
    }

    /** @param message an SLF4J pattern; arguments a client wrote must pass through {@link LogText#escaped} first */
    public void log(String message, Object... arguments) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last > intervalNanos && lastLogged.compareAndSet(last, now)) {
            log.atLevel(level).log(message + " (more like it in the next " + Duration.ofNanos(intervalNanos).toSeconds() + " s at debug level)", arguments);
        } else if (log.isDebugEnabled()) {
            log.debug(message, arguments);
        }
    }
}
