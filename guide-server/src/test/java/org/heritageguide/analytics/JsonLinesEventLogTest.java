package org.heritageguide.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;

import org.heritageguide.GuideProperties;
import org.heritageguide.testing.Fuzz;
import org.heritageguide.testing.RandomText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The event log on a real folder: what goes in comes back, line by line, whatever the visitors typed. */
class JsonLinesEventLogTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    @TempDir
    Path data;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JsonLinesEventLog log;

    @BeforeEach
    void open() {
        log = new JsonLinesEventLog(new GuideProperties(Path.of("content"), data, Path.of("models"), Path.of("models/local"),
                URI.create("http://localhost:8080")), meters);
    }

    @AfterEach
    void close() throws InterruptedException {
        log.destroy();
    }

    @Test
    void aLoneSurrogateNoLongerTakesTheNextVisitorsEventWithIt() {
        log.record(turn(DAY, 0, "s1", "\ud800 who built it"));
        log.record(turn(DAY, 1, "s2", "who built it?"));

        List<VisitorEvent> read = readDay(DAY);
        assertThat(read).extracting(VisitorEvent::question).containsExactly("\ufffd who built it", "who built it?");
        assertThat(writeFailures()).isZero();
    }

    @Test
    void everyLineIsOneEventAndReadsBackAsWrittenWithItsTextMadeWellFormed() {
        JsonMapper json = JsonMapper.shared();
        int[] days = {0};
        Fuzz.forAll(200, random -> randomEvents(random, DAY.plusDays(++days[0])), events -> {
            LocalDate day = LocalDate.ofInstant(events.get(0).at(), ZoneOffset.UTC);
            events.forEach(log::record);
            List<VisitorEvent> expected = events.stream().map(VisitorEvent::wellFormed).toList();

            assertThat(readDay(day)).containsExactlyElementsOf(expected);
            String file = readFile(day);
            assertThat(file).endsWith("\n");
            List<String> lines = file.lines().toList();
            assertThat(lines).hasSize(events.size());
            for (int i = 0; i < lines.size(); i++) {
                assertThat(json.readValue(lines.get(i), VisitorEvent.class)).isEqualTo(expected.get(i));
            }
            expected.stream().map(VisitorEvent::question).filter(Objects::nonNull)
                    .forEach(question -> assertThat(question).matches(WellFormedTextTest::isWellFormed));
        });
        assertThat(writeFailures()).isZero();
        assertThat(unreadableLines()).isZero();
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndCountedAndTheNextEventStartsALineOfItsOwn() throws IOException {
        log.record(turn(DAY, 0, "before", "first"));
        readDay(DAY);
        Files.writeString(file(DAY), "{\"type\":\"turn\",\"question\":\"cut sh", StandardOpenOption.APPEND);
        log.record(turn(DAY, 2, "after", "second"));

        assertThat(readDay(DAY)).extracting(VisitorEvent::session).containsExactly("before", "after");
        assertThat(unreadableLines()).isEqualTo(1);
    }

    @Test
    void bytesThatAreNotUtf8CostTheirOwnLineOnly() throws IOException {
        log.record(turn(DAY, 0, "before", "first"));
        readDay(DAY);
        Files.write(file(DAY), new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, (byte) 0xff, '"', '}', '\n'}, StandardOpenOption.APPEND);
        log.record(turn(DAY, 2, "after", "second"));

        assertThat(readDay(DAY)).extracting(VisitorEvent::session).containsExactly("before", "after");
        assertThat(unreadableLines()).isEqualTo(1);
    }

    @Test
    void anEventThatCannotBeWrittenIsCountedAndTheOthersAreWritten() throws IOException {
        LocalDate blocked = DAY.plusDays(1);
        Files.createDirectories(file(blocked));

        log.record(turn(DAY, 0, "a", "first"));
        log.record(turn(blocked, 0, "lost", "cannot be written"));
        log.record(turn(DAY, 2, "b", "second"));

        assertThat(readDay(DAY)).extracting(VisitorEvent::session).containsExactly("a", "b");
        assertThat(writeFailures()).isEqualTo(1);
    }

    private List<VisitorEvent> randomEvents(Random random, LocalDate day) {
        return IntStream.range(0, 1 + random.nextInt(8)).mapToObj(i -> random.nextBoolean()
                ? VisitorEvent.turn(at(day, i), text(random), text(random), text(random), text(random), text(random),
                        RandomText.of(random, 500), random.nextBoolean(), random.nextInt(10_000),
                        List.of(text(random), text(random)))
                : VisitorEvent.of(VisitorEvent.EXHIBIT_SCANNED, at(day, i), text(random), text(random), text(random),
                        text(random))).toList();
    }

    private static String text(Random random) {
        return RandomText.of(random, 20);
    }

    private static VisitorEvent turn(LocalDate day, int second, String session, String question) {
        return VisitorEvent.turn(at(day, second), "van-mieu", "khue-van-cac", session, "en", "text", question, true, 120,
                List.of("exhibit:khue-van-cac"));
    }

    private static Instant at(LocalDate day, int second) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(second).plusMillis(second * 7L);
    }

    private List<VisitorEvent> readDay(LocalDate day) {
        List<VisitorEvent> read = new ArrayList<>();
        log.read(day, day, read::add);
        return read;
    }

    private String readFile(LocalDate day) {
        try {
            return Files.readString(file(day), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path file(LocalDate day) {
        return data.resolve("events").resolve(day + ".jsonl");
    }

    private double writeFailures() {
        return meters.get("guide.events.write.failures").counter().count();
    }

    private double unreadableLines() {
        return meters.get("guide.events.unreadable.lines").counter().count();
    }
}
