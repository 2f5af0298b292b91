package dev.accounts.bootstrap;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once, before any test starts a thread: installed later, it rewrites methods that
 * running scheduler threads are parked in, and they fail. Every test in this module runs under it.
 */
public final class BlockHoundInstaller implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // Reading /dev/urandom (UUIDs, salts, tokens, ECDSA nonces) cannot block once the system has booted.
        BlockHound.install(builder -> builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes"));
    }
}
