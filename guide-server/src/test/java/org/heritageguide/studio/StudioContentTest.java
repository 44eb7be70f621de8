package org.heritageguide.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.heritageguide.site.ContentLoader;
import org.heritageguide.site.SiteCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts, revisions, conflicts, publishing and hand edits, on a copy of the sample content. */
class StudioContentTest {

    private static final String EXHIBIT = "exhibits/khue-van-cac.yaml";

    @TempDir
    Path temp;
    private Path contentDir;
    private StudioContent content;
    private final AtomicInteger reloads = new AtomicInteger();
    private final AtomicReference<SiteCatalog> live = new AtomicReference<>();

    @BeforeEach
    void copyContent() throws IOException {
        contentDir = temp.resolve("content");
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.toList()) {
                Path target = contentDir.resolve(Path.of("content").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        live.set(new ContentLoader(contentDir).load(0));
        content = open();
    }

    private StudioContent open() {
        return open(live, reloads);
    }

    /** An instance on the content and revision folders, serving its catalog into {@code served}. */
    private StudioContent open(AtomicReference<SiteCatalog> served, AtomicInteger reloadsOfIt) {
        return new StudioContent(contentDir, temp.resolve("revisions"), Duration.ofHours(1), () -> {
            reloadsOfIt.incrementAndGet();
            served.set(new ContentLoader(contentDir).load(served.get().version() + 1));
            return served.get();
        }, served::get);
    }

    @AfterEach
    void close() {
        content.destroy();
    }

    private String liveSummary(String language) {
        return live.get().site("van-mieu").orElseThrow().exhibit("khue-van-cac").orElseThrow().summary().in(language).orElseThrow();
    }

    @Test
    void aSavedDraftIsARevisionAndReachesVisitorsOnlyWhenPublished() throws IOException {
        StudioContent.FileVersion before = content.draft("van-mieu", EXHIBIT);
        String onDiskBefore = Files.readString(contentDir.resolve("sites/van-mieu/" + EXHIBIT));
        String edited = before.text().replace("This is Khuê Văn Các", "Here stands Khuê Văn Các");

        StudioContent.FileVersion saved = content.save("van-mieu", EXHIBIT, before.etag(), edited, "lan", "Reword the summary");

        assertThat(saved.etag()).isNotEqualTo(before.etag());
        assertThat(content.draft("van-mieu", EXHIBIT).text()).isEqualTo(edited);
        assertThat(content.published("van-mieu", EXHIBIT).etag()).isEqualTo(before.etag());
        assertThat(Files.readString(contentDir.resolve("sites/van-mieu/" + EXHIBIT))).isEqualTo(onDiskBefore);
        assertThat(liveSummary("en")).startsWith("This is Khuê Văn Các");
        assertThat(content.history("van-mieu", EXHIBIT, 10).get(0).revision())
                .satisfies(r -> {
                    assertThat(r.author()).isEqualTo("lan");
                    assertThat(r.message()).isEqualTo("Reword the summary");
                });

        assertThat(content.lastChanges("van-mieu")).hasEntrySatisfying(EXHIBIT, r -> assertThat(r.author()).isEqualTo("lan"))
                .hasEntrySatisfying("site.yaml", r -> assertThat(r.author()).isEqualTo(StudioContent.DISK_AUTHOR))
                .containsKey("exhibits/chu-van-an.yaml");

        StudioContent.Published published = content.publish("van-mieu", List.of(), "lan", "Publish", () -> { });

        assertThat(published.paths()).containsExactly(EXHIBIT);
        assertThat(liveSummary("en")).startsWith("Here stands Khuê Văn Các");
        assertThat(Files.readString(contentDir.resolve("sites/van-mieu/" + EXHIBIT))).isEqualTo(edited);
        assertThat(content.files("van-mieu")).noneMatch(StudioContent.FileState::changed);
        try (Stream<Path> left = Files.list(contentDir.resolve("sites/van-mieu/exhibits"))) {
            assertThat(left.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void anotherInstanceSharingTheFoldersServesAPublicationOnceWithItsAuthorNotDisk() {
        AtomicInteger otherReloads = new AtomicInteger();
        AtomicReference<SiteCatalog> otherLive = new AtomicReference<>(new ContentLoader(contentDir).load(0));
        StudioContent other = open(otherLive, otherReloads);
        try {
            StudioContent.FileVersion before = content.draft("van-mieu", EXHIBIT);
            content.save("van-mieu", EXHIBIT, before.etag(),
                    before.text().replace("This is Khuê Văn Các", "Here stands Khuê Văn Các"), "lan", "Reword");
            int reloadsBefore = reloads.get();
            // told as soon as the publication is written, the other instance reloads beside this one
            content.publish("van-mieu", List.of(EXHIBIT), "lan", "Publish", () -> {
                assertThat(reloads).as("told before this instance reloads").hasValue(reloadsBefore);
                other.syncFromDisk(); // as a publication notice would
            });
            other.syncFromDisk(); // as its disk check would

            assertThat(reloads).hasValue(reloadsBefore + 1);

            assertThat(otherReloads).as("served once").hasValue(1);
            assertThat(otherLive.get().site("van-mieu").orElseThrow().exhibit("khue-van-cac").orElseThrow().summary().in("en"))
                    .hasValueSatisfying(summary -> assertThat(summary).startsWith("Here stands Khuê Văn Các"));
            assertThat(other.history("van-mieu", EXHIBIT, 10)).first()
                    .satisfies(version -> assertThat(version.revision().author()).isEqualTo("lan"));
            assertThat(other.lastChanges("van-mieu")).hasEntrySatisfying(EXHIBIT, r -> assertThat(r.author()).isEqualTo("lan"));
        } finally {
            other.destroy();
        }
    }

    @Test
    void publishingWhatAnotherInstanceJustPublishedServesItHereBeforeSayingNothingIsLeft() {
        AtomicReference<SiteCatalog> otherLive = new AtomicReference<>(new ContentLoader(contentDir).load(0));
        StudioContent other = open(otherLive, new AtomicInteger());
        try {
            StudioContent.FileVersion before = content.draft("van-mieu", EXHIBIT);
            content.save("van-mieu", EXHIBIT, before.etag(),
                    before.text().replace("This is Khuê Văn Các", "Here stands Khuê Văn Các"), "lan", "Reword");
            // published here; the other instance's notice has not arrived when its curator clicks "Publish" too
            content.publish("van-mieu", List.of(EXHIBIT), "lan", "Publish", () -> { });

            StudioContent.Published again = other.publish("van-mieu", List.of(EXHIBIT), "minh", "Publish", () -> { });

            assertThat(again.paths()).as("nothing left to publish").isEmpty();
            assertThat(otherLive.get().site("van-mieu").orElseThrow().exhibit("khue-van-cac").orElseThrow().summary().in("en"))
                    .as("but what is live is served by this instance too")
                    .hasValueSatisfying(summary -> assertThat(summary).startsWith("Here stands Khuê Văn Các"));
        } finally {
            other.destroy();
        }
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentVersion() {
        StudioContent.FileVersion opened = content.draft("van-mieu", EXHIBIT);
        String first = opened.text().replace("order: 3", "order: 4");
        content.save("van-mieu", EXHIBIT, opened.etag(), first, "lan", "Move it");

        String second = opened.text().replace("order: 3", "order: 5");
        assertThatThrownBy(() -> content.save("van-mieu", EXHIBIT, opened.etag(), second, "minh", "Move it too"))
                .isInstanceOfSatisfying(StudioContent.StaleEdit.class, stale -> {
                    assertThat(stale.current.text()).isEqualTo(first);
                    assertThat(stale.lastRevision.author()).isEqualTo("lan");
                });
        assertThat(content.draft("van-mieu", EXHIBIT).text()).isEqualTo(first);
    }

    @Test
    void invalidContentIsRefusedWithFileLineAndField() {
        StudioContent.FileVersion opened = content.draft("van-mieu", EXHIBIT);
        String broken = opened.text().replace("area: second-courtyard", "area: nowhere");

        assertThatThrownBy(() -> content.save("van-mieu", EXHIBIT, opened.etag(), broken, "lan", "Oops"))
                .isInstanceOfSatisfying(StudioContent.InvalidContent.class, invalid -> assertThat(invalid.problems)
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("sites/van-mieu/" + EXHIBIT);
                            assertThat(p.field()).isEqualTo("area");
                            assertThat(p.line()).isEqualTo(2);
                        }));
        assertThat(content.draft("van-mieu", EXHIBIT).etag()).isEqualTo(opened.etag());
    }

    @Test
    void anyRevisionCanBeRestoredAsANewRevision() {
        StudioContent.FileVersion original = content.draft("van-mieu", EXHIBIT);
        StudioContent.FileVersion one = content.save("van-mieu", EXHIBIT, original.etag(),
                original.text().replace("order: 3", "order: 7"), "lan", "One");
        StudioContent.FileVersion two = content.save("van-mieu", EXHIBIT, one.etag(),
                one.text().replace("order: 7", "order: 8"), "minh", "Two");
        String firstRevision = content.history("van-mieu", EXHIBIT, 10).stream()
                .filter(h -> h.revision().message().startsWith("Content as found")).findFirst().orElseThrow().revision().id();

        StudioContent.FileVersion restored = content.restore("van-mieu", EXHIBIT, firstRevision, two.etag(), "lan");

        assertThat(restored.text()).isEqualTo(original.text());
        assertThat(content.history("van-mieu", EXHIBIT, 10)).extracting(h -> h.revision().author())
                .containsExactly("lan", "minh", "lan", StudioContent.DISK_AUTHOR);
    }

    @Test
    void publishingRefusesAChangeThatWouldBreakOtherFiles() {
        StudioContent.FileVersion site = content.draft("van-mieu", "site.yaml");
        String withoutArea = site.text().replaceAll("(?s)  - id: second-courtyard\\n    name:.*?(?=  - id: )", "");
        assertThat(withoutArea).isNotEqualTo(site.text());
        content.save("van-mieu", "site.yaml", site.etag(), withoutArea, "lan", "Drop an area");

        assertThatThrownBy(() -> content.publish("van-mieu", List.of(), "lan", "Publish", () -> { }))
                .isInstanceOfSatisfying(StudioContent.InvalidContent.class, invalid -> assertThat(invalid.problems)
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("area")));
        assertThat(content.published("van-mieu", "site.yaml").etag()).isEqualTo(site.etag());
    }

    @Test
    void aFileChangedByHandIsKeptAsARevisionAndServed() throws IOException {
        Path file = contentDir.resolve("sites/van-mieu/" + EXHIBIT);
        String byHand = Files.readString(file).replace("This is Khuê Văn Các", "Behold Khuê Văn Các");
        Files.writeString(file, byHand);
        Files.writeString(file.resolveSibling(".khue-van-cac.yaml123.tmp"), "status: [half written");
        int reloadsBefore = reloads.get();

        content.syncFromDisk();

        assertThat(reloads.get()).isEqualTo(reloadsBefore + 1);
        assertThat(liveSummary("en")).startsWith("Behold Khuê Văn Các");
        assertThat(content.published("van-mieu", EXHIBIT).text()).isEqualTo(byHand);
        assertThat(content.draft("van-mieu", EXHIBIT).text()).isEqualTo(byHand);
        assertThat(content.history("van-mieu", EXHIBIT, 1).get(0).revision().author()).isEqualTo(StudioContent.DISK_AUTHOR);
    }

    @Test
    void revisionsSurviveARestart() {
        StudioContent.FileVersion opened = content.draft("van-mieu", EXHIBIT);
        content.save("van-mieu", EXHIBIT, opened.etag(), opened.text().replace("order: 3", "order: 9"), "lan", "Keep me");
        content.destroy();

        content = open();

        assertThat(content.draft("van-mieu", EXHIBIT).text()).contains("order: 9");
        assertThat(content.history("van-mieu", EXHIBIT, 1).get(0).revision().message()).isEqualTo("Keep me");
    }
}
