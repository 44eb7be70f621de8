package org.heritageguide.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.SiteCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The names visitors call things by (the sample sites' aliases and titles) are read as the titles the content uses. */
class OtherNamesTest {

    private static SiteKnowledge ethnology;
    private static SiteKnowledge vanMieu;

    @BeforeAll
    static void indexTheSampleSites() {
        SiteCatalog catalog = new ContentLoader(Path.of("content")).load(1);
        SiteIndexer indexer = new SiteIndexer(TextEmbedders.NONE);
        ethnology = indexer.index(catalog.site("ethnology").orElseThrow());
        vanMieu = indexer.index(catalog.site("van-mieu").orElseThrow());
    }

    @Test
    void anotherNameIsReadAsTheTitle() {
        assertThat(ethnology.withTitles("Tell me about the Rhade long house", "en")).isEqualTo("Tell me about the Ê Đê long house");
        assertThat(ethnology.withTitles("Where is the Jarai tomb?", "en")).isEqualTo("Where is the Gia Rai tomb?");
    }

    @Test
    void caseDiacriticsAndOneTypoInALongNameDoNotMatter() {
        assertThat(vanMieu.withTitles("khue van cac la gi", "vi")).isEqualTo("Khuê Văn Các la gi");
        assertThat(ethnology.withTitles("Tell me about the RHADE lomg house", "en")).isEqualTo("Tell me about the Ê Đê long house");
        // one letter apart, but the name of another exhibit as written: that one
        assertThat(ethnology.withTitles("Where is the rong house?", "en")).isEqualTo("Where is the Ba Na communal house, the rông house?");
    }

    @Test
    void wordsThatOnlyResembleANameStayAsTheyAre() {
        assertThat(ethnology.withTitles("Which house is the longest?", "en")).isEqualTo("Which house is the longest?");
        assertThat(vanMieu.withTitles("Is there a cafe?", "en")).isEqualTo("Is there a cafe?");
    }

    @Test
    void anExhibitWithNoTextInTheLanguageIsNamedByItsNamesThereOrItsTitleInAnother() {
        SiteKnowledge.Answers kite = ethnology.search("风筝馆是哪一年开的？", "zh", SiteKnowledge.Focus.NONE, Set.of());
        assertThat(kite.namedUntranslated()).isEqualTo("kite-building");
        // the Chinese texts found are about other things, whatever words they share with the question
        assertThat(kite.candidates()).allMatch(SiteKnowledge.Candidate::objected);
        assertThat(vanMieu.search("Chu Van An是哪年去世的？", "zh", SiteKnowledge.Focus.NONE, Set.of()).namedUntranslated())
                .isEqualTo("chu-van-an");
        assertThat(ethnology.search("la maison Méo, c'est laquelle ?", "fr", SiteKnowledge.Focus.NONE, Set.of())
                .namedUntranslated()).isEqualTo("hmong-house");
    }

    @Test
    void anExhibitWithTextInTheLanguageIsSearchedForThere() {
        SiteKnowledge.Answers drum = ethnology.search("铜鼓楼是什么时候建的？", "zh", SiteKnowledge.Focus.NONE, Set.of());
        assertThat(drum.namedUntranslated()).isNull();
        assertThat(drum.namedExhibit()).isEqualTo("bronze-drum-building");
    }
}
