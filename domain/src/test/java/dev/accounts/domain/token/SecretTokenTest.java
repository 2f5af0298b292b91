package dev.accounts.domain.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTokenTest {

    @Test
    void storesOnlyTheTokensHash() {
        SecretToken token = SecretToken.random();

        assertThat(token.value()).hasSize(43);
        assertThat(token.hash().hex()).hasSize(64).isNotEqualTo(token.value()).isEqualTo(SecretToken.presented(token.value()).hash().hex());
        assertThat(token).hasToString("SecretToken[******]");
    }
}
