package dev.accounts.adapters.security.idna;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import dev.accounts.domain.user.DomainNames;

import java.util.Optional;

/**
 * Domain names read by Unicode's UTS #46 with nontransitional processing, as browsers and IDNA 2008 do:
 * {@code straße.de} stays itself ({@code xn--strae-oqa.de}) instead of becoming {@code strasse.de}, a domain
 * someone else may own, and a domain and its A-label form are one. Labels must follow the STD3 host rules
 * (letters, digits, hyphens), right-to-left labels the Bidi rule, and joiners their context rules.
 *
 * <p>Characters a person cannot see are refused rather than silently dropped: UTS #46 removes a soft hyphen
 * or a zero-width space, so {@code exa&shy;mple.com} would be stored as typed but mean {@code example.com}.
 *
 * <p>The JDK's {@code java.net.IDN} implements IDNA 2003 only, with the transitional mapping, hence ICU4J.
 */
public final class Uts46DomainNames implements DomainNames {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.USE_STD3_RULES | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    /** Loads ICU's property and mapping data now, not on an event-loop thread in the middle of a request. */
    public Uts46DomainNames() {
        toAscii("warm.up.bücher.example");
    }

    @Override
    public Optional<String> toAscii(String domain) {
        if (domain.isEmpty() || hasInvisibleCharacter(domain)) {
            return Optional.empty();
        }
        IDNA.Info info = new IDNA.Info();
        StringBuilder ascii = UTS46.nameToASCII(domain, new StringBuilder(domain.length() + 16), info);
        return info.hasErrors() ? Optional.empty() : Optional.of(ascii.toString());
    }

    private static boolean hasInvisibleCharacter(String text) {
        return text.codePoints().anyMatch(codePoint -> UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT));
    }
}
