package dev.accounts.adapters.persistence.outbox;

import dev.accounts.adapters.persistence.testing.TokenKeys;
import dev.accounts.domain.token.SecretToken;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenSealTest {

    private final TokenSeal seal = new TokenSeal(TokenKeys.anyKey());
    private final SecretToken token = SecretToken.random();
    private final UUID message = UUID.randomUUID();

    @Test
    void opensWhatItSealedForTheSameMessage() {
        byte[] sealed = seal.seal(token, message);

        assertThat(seal.open(sealed, message)).hasValueSatisfying(opened -> assertThat(opened.value()).isEqualTo(token.value()));
    }

    @Test
    void sealsOneTokenDifferentlyEachTime() {
        assertThat(seal.seal(token, message)).isNotEqualTo(seal.seal(token, message));
    }

    @Test
    void doesNotOpenAnAlteredSeal() {
        byte[] sealed = seal.seal(token, message);
        sealed[sealed.length / 2] ^= 1;

        assertThat(seal.open(sealed, message)).isEmpty();
    }

    @Test
    void doesNotOpenASealMovedToAnotherMessage() {
        byte[] sealed = seal.seal(token, message);

        assertThat(seal.open(sealed, UUID.randomUUID())).isEmpty();
    }

    @Test
    void doesNotOpenASealMadeUnderAnotherKey() {
        byte[] sealed = new TokenSeal(TokenKeys.anyKey()).seal(token, message);

        assertThat(seal.open(sealed, message)).isEmpty();
    }

    @Test
    void doesNotOpenSomethingTooShortToBeASeal() {
        assertThat(seal.open(new byte[20], message)).isEmpty();
    }

    @Test
    void takesOnlyAnAes256Key() {
        assertThatThrownBy(() -> new TokenSeal(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
