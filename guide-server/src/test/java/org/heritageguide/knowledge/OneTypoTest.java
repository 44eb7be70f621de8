package org.heritageguide.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OneTypoTest {

    private final OneTypo built = OneTypo.of("built");

    @Test
    void theWordAsWrittenMatches() {
        assertThat(built.matches("built")).isTrue();
    }

    @Test
    void oneLetterChangedAddedOrDroppedMatches() {
        assertThat(built.matches("bwilt")).as("changed").isTrue();
        assertThat(built.matches("buillt")).as("added").isTrue();
        assertThat(built.matches("bilt")).as("dropped").isTrue();
    }

    @Test
    void twoNeighboursSwappedAreOneTypo() {
        assertThat(built.matches("biult")).isTrue();
        assertThat(OneTypo.of("khue van cac").matches("khue vna cac")).isTrue();
    }

    @Test
    void twoTyposAreAnotherWord() {
        assertThat(built.matches("bilk")).as("dropped and changed").isFalse();
        assertThat(built.matches("biuld")).as("swapped and changed").isFalse();
    }

    @Test
    void oneOfManyWordsMatchesWhatOneTypoFromAnyOfThemIs() {
        OneTypo stopWords = OneTypo.ofAny(List.of("what", "who", "the"));
        assertThat(stopWords.matches("wat")).as("dropped").isTrue();
        assertThat(stopWords.matches("hte")).as("swapped").isTrue();
        assertThat(stopWords.matches("whoo")).as("added").isTrue();
        assertThat(stopWords.matches("built")).isFalse();
        assertThat(OneTypo.ofAny(List.of()).matches("wat")).as("no words").isFalse();
    }
}
