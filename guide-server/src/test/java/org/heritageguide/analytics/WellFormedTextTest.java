package org.heritageguide.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.heritageguide.testing.Fuzz;
import org.heritageguide.testing.RandomText;
import org.junit.jupiter.api.Test;

class WellFormedTextTest {

    @Test
    void replacesLoneHalvesOfSurrogatePairsAndKeepsWholePairs() {
        assertThat(WellFormedText.of("\ud800 who built it")).isEqualTo("\ufffd who built it");
        assertThat(WellFormedText.of("end \udfff")).isEqualTo("end \ufffd");
        assertThat(WellFormedText.of("\udbff\ud800")).isEqualTo("\ufffd\ufffd");
        assertThat(WellFormedText.of("𝄞 and 😀")).isEqualTo("𝄞 and 😀");
        assertThat(WellFormedText.of(null)).isNull();
    }

    @Test
    void anyTextComesOutEncodableAndOnlyItsLoneSurrogatesChange() {
        Fuzz.forAll(2000, random -> RandomText.of(random, 200), text -> {
            String wellFormed = WellFormedText.of(text);
            assertThat(wellFormed).hasSameSizeAs(text).matches(WellFormedTextTest::isWellFormed);
            for (int i = 0; i < text.length(); i++) {
                if (wellFormed.charAt(i) != text.charAt(i)) {
                    assertThat(Character.isSurrogate(text.charAt(i))).isTrue();
                    assertThat(wellFormed.charAt(i)).isEqualTo(WellFormedText.REPLACEMENT);
                }
            }
            if (isWellFormed(text)) {
                assertThat(wellFormed).isSameAs(text);
            }
        });
    }

    static boolean isWellFormed(String text) {
        try {
            ByteBuffer ignored = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
