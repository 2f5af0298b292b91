package dev.accounts.adapters.security.idna;

import dev.accounts.domain.user.EmailAddresses;
import dev.accounts.domain.user.EmailProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Uts46DomainNamesTest {

    private final EmailAddresses emails = new EmailAddresses(new Uts46DomainNames());

    private String key(String address) {
        return emails.parse(address).key();
    }

    @Test
    void keepsSharpSAndFinalSigmaInsteadOfMappingThemAway() {
        assertThat(key("ivan@straße.de")).isEqualTo("ivan@xn--strae-oqa.de");
        assertThat(key("ivan@strasse.de")).isEqualTo("ivan@strasse.de");
        assertThat(key("ivan@straße.de")).isNotEqualTo(key("ivan@strasse.de"));
        assertThat(key("nikos@ελληνικός.gr")).isNotEqualTo(key("nikos@ελληνικόσ.gr"));
    }

    @Test
    void treatsADomainAndItsALabelAsOne() {
        assertThat(key("ken@xn--strae-oqa.de")).isEqualTo(key("ken@straße.de"));
        assertThat(key("ken@XN--STRAE-OQA.DE")).isEqualTo(key("Ken@Straße.de"));
        assertThat(key("juergen@Müller.de")).isEqualTo("juergen@xn--mller-kva.de");
        assertThat(key("juergen@ＭＵＬＬＥＲ.de")).isEqualTo("juergen@muller.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@exa\u00ADmple.com", "a@exam\u200Bple.com", "a@exam\u200Dple.com", "a@exam\u2060ple.com", "a@\uFEFFexample.com"})
    void refusesCharactersNobodyCanSee(String address) {
        assertThat(emails.problemWith(address)).contains(EmailProblem.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@exa_mple.com", "a@xn--zz.com", "a@-example.com", "a@exa mple.com", "a@\u0301example.com"})
    void refusesWhatIsNoDomainName(String address) {
        assertThat(emails.problemWith(address)).isPresent();
    }

    @Test
    void storesTheAddressAsThePersonTypedIt() {
        assertThat(emails.parse("  Ken@Straße.de ").value()).isEqualTo("Ken@Straße.de");
    }
}
