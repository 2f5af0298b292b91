package dev.accounts.adapters.mail;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.accounts.domain.messages.AccountMessage;
import dev.accounts.domain.messages.AccountMessage.PasswordChanged;
import dev.accounts.domain.messages.AccountMessage.ResetPassword;
import dev.accounts.domain.messages.AccountMessage.SignUpAttempted;
import dev.accounts.domain.messages.AccountMessage.VerifyEmail;
import dev.accounts.domain.token.OneTimeToken.Purpose;
import dev.accounts.domain.token.SecretToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes account messages from the templates beside this class, one plain-text and one HTML template per
 * kind. A message says what happened and what to do; it never carries a password, a hash or a user id.
 */
public final class MessageWriter {

    // JMustache's own HTML escaper also escapes '=' and '`' for unquoted attributes, which would mangle
    // every link's "?token="; the templates quote all attributes, so these five characters suffice.
    private static final Mustache.Escaper HTML = Escapers.simple(
            new String[] {"&", "&amp;"}, new String[] {"<", "&lt;"}, new String[] {">", "&gt;"},
            new String[] {"\"", "&quot;"}, new String[] {"'", "&#39;"});

    private final String publicUrl;
    private final Kind verifyEmail;
    private final Kind resetPassword;
    private final Kind signUpAttempted;
    private final Kind passwordChanged;

    /** @param publicUrl where people reach the service, such as {@code https://accounts.example}; a trailing slash is dropped */
    public MessageWriter(String publicUrl) {
        this.publicUrl = linkBase(Objects.requireNonNull(publicUrl, "publicUrl"));
        Mustache.Compiler text = Mustache.compiler().withEscaper(Escapers.NONE).emptyStringIsFalse(true);
        Mustache.Compiler html = Mustache.compiler().withEscaper(HTML).emptyStringIsFalse(true);
        this.verifyEmail = Kind.load("verify-email", "Confirm your email address", text, html);
        this.resetPassword = Kind.load("reset-password", "Reset your password", text, html);
        this.signUpAttempted = Kind.load("sign-up-attempted", "Someone tried to sign up with your email address", text, html);
        this.passwordChanged = Kind.load("password-changed", "Your password was changed", text, html);
    }

    Letter write(AccountMessage message) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("name", message.firstName() == null ? "" : message.firstName().strip()); // blank greets generically
        facts.put("publicUrl", publicUrl);
        facts.put("resetRequestUrl", publicUrl + "/reset-password");
        return switch (message) {
            case VerifyEmail verify -> {
                facts.put("link", link("/verify-email", verify.token()));
                facts.put("validFor", inWords(Purpose.VERIFY_EMAIL.lifetime()));
                yield verifyEmail.write(facts);
            }
            case ResetPassword reset -> {
                facts.put("link", link("/reset-password", reset.token()));
                facts.put("validFor", inWords(Purpose.RESET_PASSWORD.lifetime()));
                yield resetPassword.write(facts);
            }
            case SignUpAttempted attempt -> signUpAttempted.write(facts);
            case PasswordChanged changed -> passwordChanged.write(facts);
        };
    }

    String publicUrl() {
        return publicUrl;
    }

    private String link(String path, SecretToken token) {
        return publicUrl + path + "?token=" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8);
    }

    /** "24 hours", "30 minutes": read from the tokens' lifetimes, so the text cannot drift from the rule. */
    private static String inWords(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        return minutes % 60 == 0 ? counted(minutes / 60, "hour") : counted(minutes, "minute");
    }

    private static String counted(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** The URL every link starts with: absolute, so that it works from an inbox, and without a trailing slash. */
    private static String linkBase(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        URI uri = URI.create(trimmed);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL, such as https://accounts.example");
        }
        return trimmed;
    }

    private record Kind(String subject, Template text, Template html) {

        static Kind load(String name, String subject, Mustache.Compiler text, Mustache.Compiler html) {
            return new Kind(subject, text.compile(read(name + ".txt.mustache")), html.compile(read(name + ".html.mustache")));
        }

        Letter write(Map<String, Object> facts) {
            Map<String, Object> all = new HashMap<>(facts);
            all.put("subject", subject);
            return new Letter(subject, text.execute(all), html.execute(all));
        }

        private static String read(String template) {
            try (InputStream in = MessageWriter.class.getResourceAsStream(template)) {
                if (in == null) {
                    throw new IllegalStateException("no template " + template + " beside " + MessageWriter.class.getName());
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }
}
