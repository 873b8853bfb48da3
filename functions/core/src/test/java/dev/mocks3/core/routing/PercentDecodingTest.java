package dev.mocks3.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.error.S3Exception;

class PercentDecodingTest {

    @Test
    void aKeyIsTheUtf8ItsEscapesSpellAndAPlusStaysAPlus() {
        assertThat(PercentDecoding.decode("photos/caf%C3%A9+menu%20%F0%9F%8D%95.jpg")).isEqualTo("photos/café+menu 🍕.jpg");
        assertThat(PercentDecoding.decode("a%2Fb")).isEqualTo("a/b");
        assertThat(PercentDecoding.decode("naïve")).isEqualTo("naïve");
    }

    @Test
    void aQueryComponentReadsAPlusAsASpace() {
        assertThat(PercentDecoding.decodeQueryComponent("my+prefix%2B%2F")).isEqualTo("my prefix+/");
    }

    @Test
    void escapesThatAreNoUtf8AreInvalidUri() {
        for (String bad : new String[] {"%FF", "%ED%A0%80", "%C3", "key%E2%82"}) {
            assertThatThrownBy(() -> PercentDecoding.decode(bad)).as(bad)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidURI"));
            assertThatThrownBy(() -> PercentDecoding.decodeQueryComponent(bad)).as(bad).isInstanceOf(S3Exception.class);
        }
    }

    @Test
    void aMalformedEscapeIsInvalidUri() {
        for (String bad : new String[] {"%", "%4", "%zz", "abc%G0"}) {
            assertThatThrownBy(() -> PercentDecoding.decode(bad)).as(bad)
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("InvalidURI"));
        }
    }

    @Test
    void theReplacementCharacterSpelledOutIsItself() {
        assertThat(PercentDecoding.decode("%EF%BF%BD")).isEqualTo("\uFFFD");
    }
}
