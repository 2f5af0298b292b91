package dev.accounts.application.port.out;

import dev.accounts.domain.token.SecretToken;

/**
 * The token that replaces a refresh token when it is rotated: always the same for the same token, and
 * unguessable without the server's key. Every replay of a just-rotated token therefore gets the one
 * successor its rotation stored, and a session never forks into branches that each live on.
 */
public interface RefreshTokenSuccessors {

    SecretToken successorOf(SecretToken token);
}
