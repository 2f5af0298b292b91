package dev.accounts.domain.user;

import java.util.Optional;

/**
 * How the domain part of an email address is read: its ASCII form (A-labels), which identifies it however
 * it was typed. Which algorithm does that is not the domain's to fix: the JDK has only IDNA 2003, whose
 * transitional mapping would merge {@code straße.de} into {@code strasse.de}; the service uses Unicode's
 * UTS #46 without transitional mapping.
 */
public interface DomainNames {

    /**
     * The ASCII form, lower-case, of a domain name as typed; empty when it is not a valid domain name, and
     * when it holds characters a person would not see (a soft hyphen, a zero-width space).
     */
    Optional<String> toAscii(String domain);
}
