package dev.accounts.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at {@code /} in headless Chromium, driven as a person would use it, against the whole service. The
 * access token lives two seconds here, so that the page must refresh the session by itself. Each step leaves a
 * screenshot in {@code target/browser-screenshots}. Without Debian's {@code chromium} and {@code chromium-driver}
 * the test is skipped and says so; CI installs them ({@code .ci/run}).
 */
@TestPropertySource(properties = {"accounts.tokens.access-token-lifetime=2s", "accounts.mail.development-mailbox=true"})
class BrowserEndToEndIT extends EndToEndTest {

    private static final String PASSWORD = "tangerine otter kayak mosaic";
    private static final String ACCESS = "__Host-access_token";
    private static final String CSRF = "__Host-csrf_token";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @BeforeAll
    static void startChromium() throws IOException {
        Optional<File> driver = executable("chromedriver");
        Optional<File> chromium = executable("chromium").or(() -> executable("chromium-browser"));
        assumeTrue(driver.isPresent() && chromium.isPresent(),
                "Skipped: headless Chromium is not installed. Install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver) to run the browser test; .ci/run does.");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=820,1200",
                        "--lang=en-GB", "--no-first-run", "--disable-extensions", "--disable-background-networking");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each test starts signed out, whatever the one before left behind. */
    @BeforeEach
    void signedOutBrowser() {
        browser.get(base() + "/");
        browser.manage().deleteAllCookies();
    }

    @Test
    void signsUpInAndOutRefreshingTheSessionByItselfAndNeverSeeingTheTokens() throws IOException {
        String email = anyEmail();
        browser.get(base() + "/");
        visible("sign-up-form");
        screenshot("01-signed-out");
        assertThat(browser.executeScript("return getComputedStyle(document.body).maxWidth")).as("the style sheet applies").isEqualTo("576px");

        fill("sign-up", Map.of("email", "not-an-email", "password", "short", "confirmPassword", "other"));
        submit("sign-up-form");
        assertThat(errorBeside("sign-up-email")).isEqualTo("Email must be a valid email address, such as name@example.com.");
        assertThat(errorBeside("sign-up-password")).isEqualTo("Password must be at least 15 characters.");
        assertThat(errorBeside("sign-up-confirmPassword")).isEqualTo("Password and confirmation password do not match.");
        assertThat(browser.findElement(By.id("sign-up-email")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("sign-up-email")).getDomAttribute("aria-describedby")).isEqualTo("sign-up-email-error");
        screenshot("02-sign-up-refused-field-by-field");

        fill("sign-up", Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email, "password", PASSWORD, "confirmPassword", PASSWORD));
        submit("sign-up-form");
        assertThat(status()).startsWith("Your account is created.");
        assertThat(text("sign-up-email-error")).isEmpty();
        assertThat(browser.findElement(By.id("sign-up-email")).getDomAttribute("aria-invalid")).isNull();
        screenshot("03-signed-up");

        assertThat(browser.findElement(By.id("sign-in-email")).getDomProperty("value")).isEqualTo(email);
        fill("sign-in", Map.of("password", PASSWORD));
        submit("sign-in-form");
        visible("signed-in");
        assertThat(text("profile-email")).isEqualTo(email);
        assertThat(text("profile-name")).isEqualTo("Ada Lovelace");
        assertThat(text("profile-verified")).startsWith("Not yet");
        screenshot("04-profile");

        String pageSees = (String) browser.executeScript("return document.cookie");
        assertThat(pageSees).as("document.cookie").contains(CSRF + "=").doesNotContain("access_token", "refresh_token");
        Cookie access = browser.manage().getCookieNamed(ACCESS);
        assertThat(access).as("the access cookie, seen by the browser itself").isNotNull();
        assertThat(access.isHttpOnly()).isTrue();

        waitUntil(page -> page.manage().getCookieNamed(ACCESS) == null, "the two-second access cookie to expire");
        click("reload-profile");
        assertThat(status()).isEqualTo("Your account details are up to date.");
        assertThat(text("profile-email")).isEqualTo(email);
        assertThat(browser.manage().getCookieNamed(ACCESS)).as("a fresh access cookie from the refresh").isNotNull();
        screenshot("05-refreshed-after-the-access-token-expired");

        URI link = URI.create(mailedLink(email));
        assertThat(link.getPath()).isEqualTo("/verify-email");
        browser.get(base() + link.getRawPath() + "?" + link.getRawQuery());
        visible("verify");
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").isEqualTo(base() + "/");
        screenshot("06-verification-link-opened");
        submit("verify-form");
        assertThat(status()).isEqualTo("Your email address is verified.");
        visible("signed-in");
        assertThat(text("profile-verified")).isEqualTo("Yes");
        screenshot("07-verified");

        click("sign-out");
        assertThat(status()).isEqualTo("You are signed out.");
        visible("sign-in-form");
        assertThat(browser.manage().getCookieNamed(ACCESS)).isNull();
        assertThat(browser.manage().getCookieNamed(CSRF)).isNull();
        screenshot("08-signed-out-again");

        browser.navigate().refresh();
        visible("sign-in-form");
        assertThat(contentSecurityPolicyReports()).as("what the browser's console said about the policy").isEmpty();
    }

    @Test
    void saysWhenToTryAgainAfterTooManyWrongPasswords() throws IOException {
        String email = anyEmail();
        client.post().uri("/users/register").header("Content-Type", "application/json")
                .bodyValue(Map.of("email", email, "password", PASSWORD, "confirmPassword", PASSWORD)).exchange().expectStatus().isCreated();
        browser.get(base() + "/");
        visible("sign-in-form");

        fill("sign-in", Map.of("email", email, "password", "not the password at all"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            submit("sign-in-form");
            assertThat(text("sign-in-form-error")).isEqualTo("Email or password is incorrect.");
        }
        submit("sign-in-form");

        assertThat(errorBeside("sign-in-email")).matches("Too many wrong passwords for this account\\. Try again in (a second|\\d+ seconds)\\.");
        screenshot("09-throttled");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The first link of the newest message to this address in the development mailbox, once delivered. */
    private String mailedLink(String email) {
        return new FluentWait<>(email).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(100))
                .withMessage("a message to " + email + " in the development mailbox")
                .until(address -> client.get().uri(uri -> uri.path("/dev/mail").queryParam("to", address).build()).exchange()
                        .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                        }).returnResult().getResponseBody().stream()
                        .map(mail -> ((List<?>) mail.get("links")).getFirst().toString())
                        .findFirst().orElse(null));
    }

    private void fill(String form, Map<String, String> values) {
        values.forEach((field, value) -> {
            WebElement input = browser.findElement(By.id(form + "-" + field));
            input.clear();
            input.sendKeys(value);
        });
    }

    /** Submits and waits until the page has its answer: the form's buttons are enabled again. */
    private void submit(String form) {
        browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
        waitUntil(page -> page.findElement(By.id(form)).getDomAttribute("aria-busy") == null, form + " to have its answer");
    }

    private void click(String button) {
        browser.findElement(By.id(button)).click();
        waitUntil(page -> page.findElement(By.id(button)).isEnabled(), button + " to have its answer");
    }

    private void visible(String id) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private String errorBeside(String input) {
        String describedBy = browser.findElement(By.id(input)).getDomAttribute("aria-describedby");
        String errorId = Stream.of(describedBy.split(" ")).filter(id -> id.endsWith("-error")).findFirst().orElseThrow();
        return text(errorId);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getDomProperty("textContent");
    }

    private String status() {
        return text("status");
    }

    private void waitUntil(Function<WebDriver, Boolean> condition, String what) {
        new WebDriverWait(browser, PATIENCE).withMessage("waiting for " + what).until(condition::apply);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> contentSecurityPolicyReports() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** An executable on the PATH, then in /usr/bin and /usr/lib/chromium, where Debian puts it. */
    private static Optional<File> executable(String name) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(path, Stream.of("/usr/bin", "/usr/lib/chromium")).filter(dir -> !dir.isEmpty())
                .map(dir -> new File(dir, name)).filter(File::canExecute).findFirst();
    }
}
