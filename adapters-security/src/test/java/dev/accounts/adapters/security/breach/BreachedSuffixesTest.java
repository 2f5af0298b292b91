package dev.accounts.adapters.security.breach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreachedSuffixesTest {

    private static final String LISTED = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";
    private static final String PADDING = "CD55E06FC0D43B64F2A0EBA557969F2A0A9";
    private static final String ABSENT = "0018A45C4D1DEF81644B54AB7F969B88D65";

    @Test
    void knowsTheSuffixesListedWithACountAndNotThePadding() {
        BreachedSuffixes range = BreachedSuffixes.parse(PADDING + ":0\r\n" + LISTED + ":52256179\r\n");

        assertThat(range.contains(LISTED)).isTrue();
        assertThat(range.contains(PADDING)).isFalse();
        assertThat(range.contains(ABSENT)).isFalse();
    }

    @Test
    void readsTheLastLineWithoutALineBreakAndHexInEitherCase() {
        BreachedSuffixes range = BreachedSuffixes.parse(ABSENT + ":000\r\n" + LISTED.toLowerCase(Locale.ROOT) + ":1");

        assertThat(range.contains(LISTED)).isTrue();
        assertThat(range.contains(ABSENT)).isFalse();
    }

    @Test
    void countsACountTooLargeForALongAsBreached() {
        assertThat(BreachedSuffixes.parse(LISTED + ":99999999999999999999999").contains(LISTED)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "\r\n",
            "<html><body>Checking your browser</body></html>",
            LISTED + ":",
            LISTED + ":12a",
            LISTED + ":-1",
            LISTED + "0:1",
            "1E4C9B93F3F0682250B6CF8331B7EE68FD:1",
            "1E4C9B93F3F0682250B6CF8331B7EE68FDX:1",
            LISTED + ":1\r\nnot a line",
    })
    void refusesAnAnswerThatIsNotARange(String body) {
        assertThatThrownBy(() -> BreachedSuffixes.parse(body)).isInstanceOf(UnusableRangeAnswer.class);
    }
}
