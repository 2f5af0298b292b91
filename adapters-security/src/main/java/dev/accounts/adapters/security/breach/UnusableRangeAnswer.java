package dev.accounts.adapters.security.breach;

/** The range API answered, but not with a range. Messages never hold the prefix asked for. */
final class UnusableRangeAnswer extends RuntimeException {

    UnusableRangeAnswer(String message) {
        super(message);
    }
}
