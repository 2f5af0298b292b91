package dev.accounts.domain.user;

import dev.accounts.domain.testing.Emails;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "alice@example.com", "Alice.Smith@Example.COM", "a+tag@sub.example.co.uk", "o'neil@example.ie",
            "x@a-b.io", "user!#$%&'*+-/=?^_`{|}~@example.org", "juergen@müller.de",
            "alice@xn--mller-kva.de", "1234567890123456789012345678901234567890123456789012345678901234@example.com"})
    void acceptsPracticalAddresses(String address) {
        assertThat(Emails.ADDRESSES.problemWith(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "plainaddress", "@example.com", "alice@", "alice@example", "alice@@example.com", "al ice@example.com",
            ".alice@example.com", "alice.@example.com", "al..ice@example.com", "alice@-example.com", "alice@example-.com",
            "alice@example..com", "alice@.example.com", "alice@example.com.", "alice@192.168.0.1", "alice@[192.168.0.1]",
            "\"quoted\"@example.com", "jürgen@example.com", "alice@exa_mple.com", "alice@example.com\u0000", "a\nb@example.com"})
    void refusesMalformedAddresses(String address) {
        assertThat(Emails.ADDRESSES.problemWith(address)).contains(EmailProblem.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void treatsBlankAsMissing(String address) {
        assertThat(Emails.ADDRESSES.problemWith(address)).contains(EmailProblem.MISSING);
        assertThat(Emails.ADDRESSES.problemWith(null)).contains(EmailProblem.MISSING);
    }

    @Test
    void acceptsTheLongestAddressSmtpAllows() {
        String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";

        assertThat(address).hasSize(254);
        assertThat(Emails.ADDRESSES.problemWith(address)).isEmpty();
        assertThat(Emails.ADDRESSES.problemWith("x" + address)).contains(EmailProblem.TOO_LONG);
    }

    @Test
    void refusesALocalPartOver64OctetsAndALabelOver63() {
        assertThat(Emails.ADDRESSES.problemWith("a".repeat(65) + "@example.com")).contains(EmailProblem.TOO_LONG);
        assertThat(Emails.ADDRESSES.problemWith("alice@" + "b".repeat(64) + ".com")).contains(EmailProblem.TOO_LONG);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS) // generous bound on a check that takes microseconds: catches backtracking, not speed
    void refusesAHundredThousandCharacterInputAtOnce() {
        String hostile = "a".repeat(100_000) + "@" + "b.".repeat(50_000);
        String hostileDots = ".".repeat(100_000);
        String hostileAts = "@a".repeat(50_000);

        assertThat(Emails.ADDRESSES.problemWith(hostile)).contains(EmailProblem.TOO_LONG);
        assertThat(Emails.ADDRESSES.problemWith(hostileDots)).contains(EmailProblem.TOO_LONG);
        assertThat(Emails.ADDRESSES.problemWith(hostileAts)).contains(EmailProblem.TOO_LONG);
    }

    @Test
    void trimsWhatThePersonTyped() {
        assertThat(Emails.email("  alice@example.com \t").value()).isEqualTo("alice@example.com");
    }

    @Test
    void treatsEmailsDifferingOnlyInCaseAsOne() {
        assertThat(Emails.email("Alice@Example.com").key()).isEqualTo(Emails.email("alice@example.COM").key());
    }

    @Test
    void treatsAnInternationalisedDomainAndItsPunycodeAsOne() {
        assertThat(Emails.email("alice@Müller.de").key()).isEqualTo("alice@xn--mller-kva.de");
        assertThat(Emails.email("alice@xn--mller-kva.de").key()).isEqualTo("alice@xn--mller-kva.de");
    }

    @Test
    void cannotBeBuiltFromAnInvalidAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> Emails.email("not an address"));
    }

    @Property
    void normalisationIsIdempotent(@ForAll("addresses") String address) {
        String key = Emails.email(address).key();

        assertThat(Emails.email(key).key()).isEqualTo(key);
    }

    @Property
    void keyIgnoresLetterCase(@ForAll("addresses") String address) {
        assertThat(Emails.email(address.toUpperCase(java.util.Locale.ROOT)).key()).isEqualTo(Emails.email(address).key());
    }

    @Property
    void neverThrowsOnArbitraryText(@ForAll String anything) {
        Optional<EmailProblem> problem = Emails.ADDRESSES.problemWith(anything);

        assertThat(problem.isEmpty() ? Emails.email(anything).key() : "").isNotNull();
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> localPart = Arbitraries.strings().withChars("abcXYZ019.+_-").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.contains(".."));
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdeXYZ0129-").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.startsWith("-") && !s.endsWith("-"));
        Arbitrary<String> topLevel = Arbitraries.of("com", "ORG", "de", "co.uk", "io");
        return Combinators.combine(localPart, label, topLevel).as((l, d, t) -> l + "@" + d + "." + t);
    }
}
