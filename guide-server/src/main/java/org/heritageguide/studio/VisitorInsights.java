package org.heritageguide.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.heritageguide.GuideProperties;
import org.heritageguide.files.AtomicFiles;
import org.heritageguide.analytics.VisitorEvent;
import org.heritageguide.analytics.VisitorEvents;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What visitors did at a site, summed from the durable event log: the questions the guide could not
 * answer (grouped, for the inbox) and the dashboard's figures per day.
 */
@Component
class VisitorInsights {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final VisitorEvents events;
    private final Path handledDir;

    VisitorInsights(VisitorEvents events, GuideProperties properties) {
        this.events = events;
        this.handledDir = properties.dataDir().resolve("studio").resolve("inbox");
    }

    /** Unanswered questions asked the same way (case, accents and punctuation aside). */
    record QuestionGroup(String key, String question, int count, Map<String, Integer> languages,
                         Map<String, Integer> exhibits, List<String> variants, Instant lastAsked) {
    }

    List<QuestionGroup> unanswered(String site, LocalDate from, LocalDate to) {
        Map<String, Instant> handled = handled(site);
        Map<String, List<VisitorEvent>> groups = new LinkedHashMap<>();
        events.read(from, to, event -> {
            if (VisitorEvent.TURN.equals(event.type()) && site.equals(event.site())
                    && Boolean.FALSE.equals(event.answered()) && event.question() != null && !event.question().isBlank()) {
                groups.computeIfAbsent(normalise(event.question()), k -> new ArrayList<>()).add(event);
            }
        });
        List<QuestionGroup> result = new ArrayList<>();
        groups.forEach((key, all) -> {
            Instant handledAt = handled.get(key);
            List<VisitorEvent> asked = handledAt == null ? all : all.stream().filter(e -> e.at().isAfter(handledAt)).toList();
            if (asked.isEmpty()) {
                return;
            }
            Instant last = asked.stream().map(VisitorEvent::at).max(Comparator.naturalOrder()).orElseThrow();
            Map<String, Integer> languages = new TreeMap<>();
            Map<String, Integer> exhibits = new TreeMap<>();
            Map<String, Integer> variants = new LinkedHashMap<>();
            for (VisitorEvent event : asked) {
                languages.merge(event.language() == null ? "?" : event.language(), 1, Integer::sum);
                if (event.exhibit() != null) {
                    exhibits.merge(event.exhibit(), 1, Integer::sum);
                }
                variants.merge(event.question().strip(), 1, Integer::sum);
            }
            List<String> byCount = variants.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
            result.add(new QuestionGroup(key, byCount.get(0), asked.size(), languages, exhibits,
                    byCount.subList(0, Math.min(5, byCount.size())), last));
        });
        result.sort(Comparator.comparingInt(QuestionGroup::count).reversed()
                .thenComparing(QuestionGroup::lastAsked, Comparator.reverseOrder()));
        return result;
    }

    /**
     * Hides a group from the inbox until it is asked again (it became a FAQ, or needs no answer); from
     * then on it counts only the times it was asked since.
     */
    synchronized void markHandled(String site, String key) {
        Map<String, Instant> handled = new HashMap<>(handled(site));
        handled.put(key, Instant.now());
        try {
            AtomicFiles.write(handledDir.resolve(site + ".json"), JSON.writeValueAsBytes(handled));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized Map<String, Instant> handled(String site) {
        Path file = handledDir.resolve(site + ".json");
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(Files.readString(file), new TypeReference<Map<String, Instant>>() { });
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    static String normalise(String question) {
        String folded = Normalizer.normalize(question.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd');
        return folded.replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** One day's figures. */
    record Day(LocalDate day, int sessions, int scans, int questions, int answered, int voice, int text) {
    }

    /** The dashboard: per day, per language, per exhibit, and answer latency. */
    record Stats(LocalDate from, LocalDate to, List<Day> days, Map<String, Integer> languages,
                 Map<String, Integer> exhibitScans, int sessions, int questions, int answered, int voice,
                 Long latencyP50Ms, Long latencyP95Ms, List<Long> latencies) {

        double answeredRate() {
            return questions == 0 ? 0 : (double) answered / questions;
        }
    }

    Stats stats(String site, LocalDate from, LocalDate to) {
        Map<LocalDate, int[]> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, new int[6]);
        }
        Map<String, Integer> languages = new TreeMap<>();
        Map<String, Integer> scans = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        Set<String> sessionLanguages = new HashSet<>();
        events.read(from, to, event -> {
            if (!site.equals(event.site())) {
                return;
            }
            int[] day = perDay.get(LocalDate.ofInstant(event.at(), ZoneOffset.UTC));
            if (day == null) {
                return;
            }
            switch (event.type()) {
                case VisitorEvent.SESSION_OPENED -> {
                    day[0]++;
                    if (event.language() != null && sessionLanguages.add(event.session() + "|" + event.language())) {
                        languages.merge(event.language(), 1, Integer::sum);
                    }
                }
                case VisitorEvent.EXHIBIT_SCANNED -> {
                    day[1]++;
                    if (event.exhibit() != null) {
                        scans.merge(event.exhibit(), 1, Integer::sum);
                    }
                }
                case VisitorEvent.LANGUAGE_CHANGED -> {
                    if (event.language() != null && sessionLanguages.add(event.session() + "|" + event.language())) {
                        languages.merge(event.language(), 1, Integer::sum);
                    }
                }
                case VisitorEvent.TURN -> {
                    day[2]++;
                    if (Boolean.TRUE.equals(event.answered())) {
                        day[3]++;
                    }
                    if ("voice".equals(event.channel())) {
                        day[4]++;
                    } else {
                        day[5]++;
                    }
                    if (event.latencyMs() != null) {
                        latencies.add(event.latencyMs());
                    }
                }
                default -> { }
            }
        });
        List<Day> days = new ArrayList<>();
        int sessions = 0;
        int questions = 0;
        int answered = 0;
        int voice = 0;
        for (Map.Entry<LocalDate, int[]> entry : perDay.entrySet()) {
            int[] d = entry.getValue();
            days.add(new Day(entry.getKey(), d[0], d[1], d[2], d[3], d[4], d[5]));
            sessions += d[0];
            questions += d[2];
            answered += d[3];
            voice += d[4];
        }
        Map<String, Integer> topScans = new LinkedHashMap<>();
        scans.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> topScans.put(e.getKey(), e.getValue()));
        latencies.sort(Comparator.naturalOrder());
        return new Stats(from, to, days, languages, topScans, sessions, questions, answered, voice,
                percentile(latencies, 50), percentile(latencies, 95), latencies);
    }

    private static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
