package dev.accounts.application.port.in;

import java.util.Map;

/** Use case: another service fetches the public keys that verify this service's access tokens. */
public interface PublishSigningKeysUseCase {

    /** A JWK Set document. */
    Map<String, Object> publicKeySet();
}
