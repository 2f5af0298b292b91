package dev.accounts.application.service;

import dev.accounts.application.port.in.PublishSigningKeysUseCase;
import dev.accounts.application.port.out.AccessTokens;

import java.util.Map;

public final class PublishSigningKeysService implements PublishSigningKeysUseCase {

    private final AccessTokens accessTokens;

    public PublishSigningKeysService(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return accessTokens.publicKeySet();
    }
}
