package dev.accounts.adapters.mail;

import java.util.Objects;

/** A written message, ready to be sent: the same words as plain text and as HTML. */
record Letter(String subject, String text, String html) {

    Letter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "Letter[subject=" + subject + "]"; // the text may carry a link's token
    }
}
