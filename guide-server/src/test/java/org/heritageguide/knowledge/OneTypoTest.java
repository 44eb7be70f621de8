package org.heritageguide.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

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
}
