package dev.accounts.domain.registration;

/** Registration forms that read as prose: {@code RegistrationForms.valid().withEmail("…")}. */
public final class RegistrationForms {

    public static final String STRONG_PASSWORD = "correct horse battery staple 42";

    private RegistrationForms() {
    }

    public static RegistrationForm valid() {
        return new RegistrationForm("Ada", "Lovelace", "ada@example.com", STRONG_PASSWORD, STRONG_PASSWORD);
    }

    public static RegistrationForm with(RegistrationForm form, String field, String value) {
        return switch (field) {
            case "firstName" -> new RegistrationForm(value, form.lastName(), form.email(), form.password(), form.confirmPassword());
            case "lastName" -> new RegistrationForm(form.firstName(), value, form.email(), form.password(), form.confirmPassword());
            case "email" -> new RegistrationForm(form.firstName(), form.lastName(), value, form.password(), form.confirmPassword());
            case "password" -> new RegistrationForm(form.firstName(), form.lastName(), form.email(), value, value);
            case "confirmPassword" -> new RegistrationForm(form.firstName(), form.lastName(), form.email(), form.password(), value);
            default -> throw new IllegalArgumentException(field);
        };
    }
}
