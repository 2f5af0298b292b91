package dev.accounts.adapters.mail;

import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import dev.accounts.domain.token.SecretToken;
import dev.accounts.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.accounts.domain.testing.Emails.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageWriterTest {

    private static final String PUBLIC_URL = "http://localhost:8080";

    private final MessageWriter writer = new MessageWriter(PUBLIC_URL + "/");
    private final UserId user = UserId.random();
    private final SecretToken token = SecretToken.random();

    @Test
    void linksTheVerificationToItsToken() {
        Letter letter = writer.write(new VerifyEmail(user, email("ada@example.com"), "Ada", token));

        assertThat(letter.subject()).isEqualTo("Confirm your email address");
        assertThat(linksIn(letter.text())).containsExactly(PUBLIC_URL + "/verify-email?token=" + token.value());
        assertThat(hrefsIn(letter.html())).containsExactly(PUBLIC_URL + "/verify-email?token=" + token.value());
    }

    @Test
    void saysTheVerificationLinkIsValidForADay() {
        Letter letter = writer.write(new VerifyEmail(user, email("ada@example.com"), "Ada", token));

        assertThat(letter.text()).contains("The link is valid for 24 hours and works once.");
        assertThat(letter.html()).contains("The link is valid for 24 hours and works once.");
    }

    @Test
    void linksTheResetToItsToken() {
        Letter letter = writer.write(new ResetPassword(user, email("ada@example.com"), "Ada", token));

        assertThat(letter.subject()).isEqualTo("Reset your password");
        assertThat(linksIn(letter.text())).containsExactly(PUBLIC_URL + "/reset-password?token=" + token.value());
        assertThat(hrefsIn(letter.html())).containsExactly(PUBLIC_URL + "/reset-password?token=" + token.value());
    }

    @Test
    void saysTheResetLinkIsValidForHalfAnHourAndSignsOutEveryDevice() {
        Letter letter = writer.write(new ResetPassword(user, email("ada@example.com"), "Ada", token));

        for (String part : List.of(letter.text(), letter.html())) {
            assertThat(part).contains("The link is valid for 30 minutes and works once.")
                    .contains("Choosing a new password signs you out on every device.");
        }
    }

    @Test
    void tellsTheOwnerOfATakenAddressHowToSignInOrResetWithoutAToken() {
        Letter letter = writer.write(new SignUpAttempted(user, email("ada@example.com"), "Ada"));

        assertThat(letter.subject()).isEqualTo("Someone tried to sign up with your email address");
        assertThat(letter.text()).contains("Someone tried to sign up with your email address")
                .contains("If it was you, sign in instead: " + PUBLIC_URL + "\n")
                .contains("ask for a reset link: " + PUBLIC_URL + "/reset-password\n");
        assertThat(linksIn(letter.text())).containsExactly(PUBLIC_URL, PUBLIC_URL + "/reset-password");
        assertThat(hrefsIn(letter.html())).containsExactly(PUBLIC_URL, PUBLIC_URL + "/reset-password");
        assertThat(letter.text() + letter.html()).doesNotContainIgnoringCase("token");
    }

    @Test
    void tellsTheOwnerTheirPasswordChangedAndHowToResetItWithoutAToken() {
        Letter letter = writer.write(new PasswordChanged(user, email("ada@example.com"), "Ada"));

        assertThat(letter.subject()).isEqualTo("Your password was changed");
        assertThat(letter.text()).contains("The password of your account was changed.")
                .contains("If it was not you, reset your password now: " + PUBLIC_URL + "/reset-password\n");
        assertThat(hrefsIn(letter.html())).containsExactly(PUBLIC_URL + "/reset-password");
        assertThat(letter.text() + letter.html()).doesNotContainIgnoringCase("token");
    }

    @Test
    void escapesTheFirstNameInHtmlAndKeepsItAsTypedInText() {
        String name = "<script>alert('Zoë & co')</script>";

        Letter letter = writer.write(new PasswordChanged(user, email("ada@example.com"), name));

        assertThat(letter.text()).startsWith("Hello " + name + ",\n");
        assertThat(letter.html()).contains("<p>Hello &lt;script&gt;alert(&#39;Zoë &amp; co&#39;)&lt;/script&gt;,</p>")
                .doesNotContain("<script>");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void greetsGenericallyWithoutAFirstName(String firstName) {
        Letter letter = writer.write(new VerifyEmail(user, email("ada@example.com"), firstName, token));

        assertThat(letter.text()).startsWith("Hello,\n");
        assertThat(letter.html()).contains("<p>Hello,</p>");
    }

    @Test
    void carriesNeitherTheUserIdNorTheTokensHash() {
        Stream<AccountMessage> messages = Stream.of(
                new VerifyEmail(user, email("ada@example.com"), "Ada", token),
                new ResetPassword(user, email("ada@example.com"), "Ada", token),
                new SignUpAttempted(user, email("ada@example.com"), "Ada"),
                new PasswordChanged(user, email("ada@example.com"), "Ada"));

        messages.map(writer::write).forEach(letter -> assertThat(letter.subject() + letter.text() + letter.html())
                .doesNotContain(user.value().toString())
                .doesNotContain(token.hash().hex()));
    }

    @Test
    void refusesAPublicUrlThatCannotStartALink() {
        assertThatThrownBy(() -> new MessageWriter("localhost:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageWriter("/accounts")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hidesTheTextOfALetterFromItsDescription() {
        Letter letter = writer.write(new VerifyEmail(user, email("ada@example.com"), "Ada", token));

        assertThat(letter.toString()).doesNotContain(token.value());
    }

    static List<String> linksIn(String text) {
        return Pattern.compile("https?://\\S+").matcher(text).results().map(MatchResult::group).toList();
    }

    static List<String> hrefsIn(String html) {
        return Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(match -> match.group(1)).toList();
    }
}
