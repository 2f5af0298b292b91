package dev.accounts.domain.testing;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.EmailAddresses;

/** Email addresses for tests, read as the service reads them but with {@link JdkDomainNames}. */
public final class Emails {

    public static final EmailAddresses ADDRESSES = new EmailAddresses(new JdkDomainNames());

    private Emails() {
    }

    /** {@code email("ada@example.com")}: an address that the test knows to be valid. */
    public static EmailAddress email(String address) {
        return ADDRESSES.parse(address);
    }
}
