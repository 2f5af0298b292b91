package dev.accounts.domain.registration;

import dev.accounts.domain.credentials.PasswordPolicy;
import dev.accounts.domain.credentials.PasswordRules;
import dev.accounts.domain.credentials.PasswordStrength;
import dev.accounts.domain.testing.Emails;
import dev.accounts.domain.validation.Violation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static dev.accounts.domain.registration.RegistrationForms.valid;
import static dev.accounts.domain.registration.RegistrationForms.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegistrationRulesTest {

    private static final PasswordStrength WEAK =
            new PasswordStrength(1, "This is a top-100 common password", List.of("Add another word or two"));

    private final RegistrationRules rules = new RegistrationRules(new PasswordRules(PasswordPolicy.recommended()), Emails.ADDRESSES);

    @Test
    void acceptsAValidFormWithTrimmedValues() {
        RegistrationForm form = new RegistrationForm("  Ada ", "", " Ada@Example.com ", "correct horse battery staple", "correct horse battery staple");

        RegistrationCheck check = rules.check(form);

        assertThat(check).isInstanceOfSatisfying(RegistrationCheck.Accepted.class, accepted -> {
            assertThat(accepted.email().value()).isEqualTo("Ada@Example.com");
            assertThat(accepted.name().first()).isEqualTo("Ada");
            assertThat(accepted.name().last()).isNull();
        });
    }

    @Test
    void reportsEveryViolationAtOnce() {
        RegistrationForm form = new RegistrationForm("x".repeat(201), "Bad\u0007Name", "not-an-email", "short", "other");

        assertThat(codes(rules.check(form))).containsExactlyInAnyOrder(
                "email.invalid", "firstName.too_long", "lastName.invalid", "password.too_short", "password.mismatch");
    }

    @Test
    void reportsMissingEmailAndPassword() {
        RegistrationForm form = new RegistrationForm(null, null, null, null, null);

        assertThat(codes(rules.check(form))).containsExactlyInAnyOrder("email.required", "password.required");
    }

    @Test
    void asksForAMissingConfirmationRatherThanCallingItAMismatch() {
        assertThat(codes(rules.check(with(valid(), "confirmPassword", null)))).containsExactly("confirmPassword.required");
        assertThat(codes(rules.check(with(valid(), "confirmPassword", "")))).containsExactly("confirmPassword.required");
    }

    @Test
    void reportsAnOverlongEmail() {
        assertThat(codes(rules.check(with(valid(), "email", "a".repeat(300) + "@example.com")))).containsExactly("email.too_long");
    }

    @Test
    void reportsAConfirmationThatDiffers() {
        assertThat(rules.check(with(valid(), "confirmPassword", "correct horse battery staple 43")))
                .isInstanceOfSatisfying(RegistrationCheck.Refused.class, refused -> assertThat(refused.violations())
                        .containsExactly(new Violation("confirmPassword", "password.mismatch", "Password and confirmation password do not match.")));
    }

    @Test
    void comparesTheConfirmationAfterNormalisation() {
        RegistrationForm form = with(with(valid(), "password", "cafe\u0301 au lait with sugar"), "confirmPassword", "caf\u00e9 au lait with sugar");

        assertThat(rules.check(form)).isInstanceOf(RegistrationCheck.Accepted.class);
    }

    @Test
    void refusesAPasswordContainingTheEmailLocalPart() {
        RegistrationForm form = with(valid(), "password", "my name is ADA.LOVELACE really");
        form = with(form, "email", "ada.lovelace@example.com");

        assertThat(codes(rules.check(form))).containsExactly("password.contains_email");
    }

    @Test
    void ignoresAVeryShortLocalPartInPasswords() {
        RegistrationForm form = with(with(valid(), "email", "jo@example.com"), "password", "jolly good long passphrase");

        assertThat(rules.check(form)).isInstanceOf(RegistrationCheck.Accepted.class);
    }

    @Test
    void passesTheEstimatorsAdviceOnInItsMessage() {
        assertThat(rules.strengthViolation(WEAK)).hasValueSatisfying(violation -> {
            assertThat(violation.code()).isEqualTo("password.too_weak");
            assertThat(violation.field()).isEqualTo("password");
            assertThat(violation.message()).contains("top-100 common password", "Add another word or two");
        });
    }

    @Test
    void acceptsAPasswordScoredThreeOrMore() {
        assertThat(rules.strengthViolation(new PasswordStrength(3, "", List.of()))).isEmpty();
        assertThat(rules.strengthViolation(new PasswordStrength(2, "", List.of()))).isPresent();
    }

    @Test
    void namesTheUsersOwnWordsForTheEstimator() {
        RegistrationCheck.Accepted accepted = (RegistrationCheck.Accepted) rules.check(valid());

        assertThat(RegistrationRules.guessableWords(accepted)).containsExactly("ada@example.com", "ada", "Ada", "Lovelace");
    }

    @Test
    void countsFifteenEmojiAsFifteenCharacters() {
        String emoji = "🔥🐢🎲🍉🚲🌵🎻🦉🧊🪁🥨🛶🧲🪐🦔";

        assertThat(rules.check(with(valid(), "password", emoji))).isInstanceOf(RegistrationCheck.Accepted.class);
        assertThat(codes(rules.check(with(valid(), "password", emoji.substring(0, 28))))).containsExactly("password.too_short");
    }

    @Test
    void limitsPasswordsToTheBytesTheHashReadsWhenItHasALimit() {
        RegistrationRules bcryptRules = new RegistrationRules(new PasswordRules(PasswordPolicy.recommended().withMaxUtf8Bytes(OptionalInt.of(72))), Emails.ADDRESSES);
        String seventyThreeBytes = "é".repeat(36) + "x";

        assertThat(codes(bcryptRules.check(with(valid(), "password", seventyThreeBytes)))).containsExactly("password.too_long");
        assertThat(bcryptRules.check(with(valid(), "password", "é".repeat(36)))).isInstanceOf(RegistrationCheck.Accepted.class);
    }

    @Test
    void refusesLoneSurrogatesInPasswordsAndNames() {
        assertThat(codes(rules.check(with(valid(), "password", "abcdefghijklmnop\uD800")))).containsExactly("password.invalid");
        assertThat(codes(rules.check(with(valid(), "firstName", "A\uDC00da")))).containsExactly("firstName.invalid");
        assertThat(codes(rules.check(with(valid(), "lastName", "Love\u0000lace")))).containsExactly("lastName.invalid");
    }

    @Test
    void refusesNamesThatHideTextButKeepsTheJoinersScriptsNeed() {
        for (String hidden : new String[]{"Ada\u2028Your account is suspended", "Ada\u202Eecilrevo", "Ada\u200B", "\uFEFFAda",
                "Ada\uDB40\uDC41", "Ada\u2029Lovelace"}) {
            assertThat(codes(rules.check(with(valid(), "firstName", hidden)))).as(hidden).containsExactly("firstName.invalid");
        }
        assertThat(rules.check(with(valid(), "firstName", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))).isInstanceOf(RegistrationCheck.Accepted.class);
        assertThat(rules.check(with(valid(), "lastName", "\uD83D\uDC69\u200D\uD83D\uDCBB"))).isInstanceOf(RegistrationCheck.Accepted.class);
    }

    @Test
    void neverAllowsAMinimumBelowEight() {
        assertThatIllegalArgumentException().isThrownBy(() -> PasswordPolicy.recommended().withMinLength(7));
        assertThat(PasswordPolicy.recommended().withMinLength(8).minLength()).isEqualTo(8);
    }

    @Property
    void passwordLengthBoundaryIsTheConfiguredMinimum(@ForAll @IntRange(min = 8, max = 40) int minimum) {
        RegistrationRules configured = new RegistrationRules(new PasswordRules(PasswordPolicy.recommended().withMinLength(minimum)), Emails.ADDRESSES);
        String atMinimum = "q".repeat(minimum);

        assertThat(configured.check(with(valid(), "password", atMinimum))).isInstanceOf(RegistrationCheck.Accepted.class);
        assertThat(codes(configured.check(with(valid(), "password", atMinimum.substring(1))))).containsExactly("password.too_short");
    }

    @Property
    void passwordLengthBoundaryIsTheMaximum(@ForAll @IntRange(min = 0, max = 3) int over) {
        String password = "z".repeat(PasswordPolicy.CEILING + over);

        List<String> codes = codes(rules.check(with(valid(), "password", password)));

        assertThat(codes).isEqualTo(over == 0 ? List.of() : List.of("password.too_long"));
    }

    @Property
    void nameLengthBoundaryIsTwoHundredCharacters(@ForAll @IntRange(min = 195, max = 205) int length) {
        String name = "é".repeat(length);

        List<String> codes = codes(rules.check(with(with(valid(), "firstName", name), "lastName", name)));

        assertThat(codes).isEqualTo(length <= 200 ? List.of() : List.of("firstName.too_long", "lastName.too_long"));
    }

    @Property
    void reportsOneViolationPerBrokenFieldWhateverTheMix(@ForAll boolean badEmail, @ForAll boolean badFirst, @ForAll boolean badLast,
                                                        @ForAll boolean badPassword) {
        RegistrationForm form = valid();
        if (badEmail) form = with(form, "email", "nope");
        if (badFirst) form = with(form, "firstName", "\u0001");
        if (badLast) form = with(form, "lastName", "y".repeat(300));
        if (badPassword) form = with(form, "password", "short");

        List<String> codes = codes(rules.check(form));

        int broken = (badEmail ? 1 : 0) + (badFirst ? 1 : 0) + (badLast ? 1 : 0) + (badPassword ? 1 : 0);
        assertThat(codes).hasSize(broken);
    }

    private static List<String> codes(RegistrationCheck check) {
        return switch (check) {
            case RegistrationCheck.Accepted accepted -> List.of();
            case RegistrationCheck.Refused refused -> refused.violations().stream().map(Violation::code).toList();
        };
    }

}
