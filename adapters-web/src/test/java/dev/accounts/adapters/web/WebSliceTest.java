package dev.accounts.adapters.web;

import dev.accounts.application.port.in.ChangePasswordUseCase;
import dev.accounts.application.port.in.DeleteAccountUseCase;
import dev.accounts.application.port.in.GetCurrentUserUseCase;
import dev.accounts.application.port.in.RequestPasswordResetUseCase;
import dev.accounts.application.port.in.ResendVerificationUseCase;
import dev.accounts.application.port.in.ResetPasswordUseCase;
import dev.accounts.application.port.in.SignOutEverywhereUseCase;
import dev.accounts.application.port.in.VerifyEmailUseCase;
import dev.accounts.application.port.in.PublishSigningKeysUseCase;
import dev.accounts.application.port.in.RefreshSessionUseCase;
import dev.accounts.application.port.in.RegisterUserUseCase;
import dev.accounts.application.port.in.SignInUseCase;
import dev.accounts.application.port.in.SignOutUseCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The web adapter over mocked use cases: every controller, the error handling and the CSRF filter. */
@WebFluxTest
public abstract class WebSliceTest {

    @Autowired
    protected WebTestClient client;

    @MockitoBean
    protected RegisterUserUseCase registerUser;

    @MockitoBean
    protected SignInUseCase signIn;

    @MockitoBean
    protected RefreshSessionUseCase refreshSession;

    @MockitoBean
    protected SignOutUseCase signOut;

    @MockitoBean
    protected GetCurrentUserUseCase currentUser;

    @MockitoBean
    protected PublishSigningKeysUseCase signingKeys;

    @MockitoBean
    protected VerifyEmailUseCase verifyEmail;

    @MockitoBean
    protected ResendVerificationUseCase resendVerification;

    @MockitoBean
    protected RequestPasswordResetUseCase requestPasswordReset;

    @MockitoBean
    protected ResetPasswordUseCase resetPassword;

    @MockitoBean
    protected ChangePasswordUseCase changePassword;

    @MockitoBean
    protected DeleteAccountUseCase deleteAccount;

    @MockitoBean
    protected SignOutEverywhereUseCase signOutEverywhere;
}
