package dev.accounts.domain.testing;

import dev.accounts.domain.user.DomainNames;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain names as the JDK reads them (IDNA 2003): dependency-free, and the same as UTS #46 for every
 * address the tests of the rules use. The service's own reading, and its tests, are in adapters-security.
 */
public final class JdkDomainNames implements DomainNames {

    @Override
    public Optional<String> toAscii(String domain) {
        try {
            return Optional.of(IDN.toASCII(domain).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notConvertible) {
            return Optional.empty();
        }
    }
}
