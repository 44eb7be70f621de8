package org.heritageguide.studio;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.heritageguide.knowledge.KnowledgeBase;
import org.heritageguide.knowledge.SiteKnowledge;
import org.heritageguide.site.Faq;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The unanswered-questions inbox and the dashboard (figures, SVG charts, CSV). */
@RestController
@RequestMapping("/api/v1/studio/sites/{site}")
class InsightsController {

    private static final int MAX_DAYS = 366;
    /** Below this the guide's closest FAQ to an unanswered question is only a coincidence of words. */
    private static final double CLOSEST_FAQ_FLOOR = 0.15;

    private final VisitorInsights insights;
    private final SiteDirectory sites;
    private final KnowledgeBase knowledge;

    InsightsController(VisitorInsights insights, SiteDirectory sites, KnowledgeBase knowledge) {
        this.insights = insights;
        this.sites = sites;
        this.knowledge = knowledge;
    }

    /** The published FAQ the guide found closest to a question it did not answer, asked as the FAQ's first question. */
    record ClosestFaq(String id, String question) {
    }

    record InboxGroup(String key, String question, int count, Map<String, Integer> languages, Map<String, Integer> exhibits,
                      List<String> variants, Instant lastAsked, ClosestFaq closestFaq) {
    }

    @GetMapping(path = "/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<InboxGroup>> inbox(@PathVariable String site, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        LocalDate[] range = range(from, to, 30);
        return StudioContentController.blocking(() -> insights.unanswered(site, range[0], range[1]).stream()
                .map(group -> new InboxGroup(group.key(), group.question(), group.count(), group.languages(), group.exhibits(),
                        group.variants(), group.lastAsked(), closestFaq(site, group).orElse(null)))
                .toList());
    }

    /**
     * Often the guide has the answer in a FAQ but not the visitor's words: the FAQ among its three best
     * candidates for the group's question (in the language and at the exhibit it was asked most), if any,
     * and only if it is about the same thing as the question: adding "who built this?", asked at one
     * pavilion, to the FAQ on another building's builder would make a wrong answer permanent.
     */
    private Optional<ClosestFaq> closestFaq(String site, VisitorInsights.QuestionGroup group) {
        String language = mostFrequent(group.languages());
        Optional<SiteKnowledge> published = knowledge.site(site);
        if (language == null || published.isEmpty()) {
            return Optional.empty();
        }
        String askedAt = mostFrequent(group.exhibits());
        SiteKnowledge.Answers answers = published.get().search(group.question(), language,
                new SiteKnowledge.Focus(askedAt, false), Set.of());
        String subject = subject(answers, askedAt);
        return answers.candidates().stream().limit(3)
                .filter(candidate -> candidate.item().faq() != null && candidate.confidence() >= CLOSEST_FAQ_FLOOR)
                .filter(candidate -> java.util.Objects.equals(candidate.item().exhibit(), subject))
                .findFirst()
                .flatMap(candidate -> published.get().site().faq(candidate.item().faq()))
                .map(faq -> new ClosestFaq(faq.id(), firstQuestion(faq, language, published.get().site().sourceLanguage())));
    }

    /**
     * What a question is about: the exhibit it names, else the site if it names the site, else the exhibit
     * where it was asked (a question naming nothing at a label is about that exhibit), else the site (null).
     */
    private static String subject(SiteKnowledge.Answers answers, String askedAt) {
        if (answers.namedExhibit() != null) {
            return answers.namedExhibit();
        }
        return answers.namesTheSite() ? null : askedAt;
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String firstQuestion(Faq faq, String language, String sourceLanguage) {
        List<String> asked = faq.questions().getOrDefault(language, faq.questions().getOrDefault(sourceLanguage, List.of()));
        return asked.isEmpty() ? faq.id() : asked.get(0);
    }

    record Handled(String key) {
    }

    /** Hides a question from the inbox until a visitor asks it again. */
    @PostMapping(path = "/inbox/handled", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> handled(@PathVariable String site, @RequestBody Handled request) {
        if (request.key() == null || request.key().isBlank()) {
            throw ApiException.badRequest("no-key", "Say which question (its key from the inbox).");
        }
        return StudioContentController.blocking(() -> {
            insights.markHandled(site, request.key());
            return ResponseEntity.noContent().build();
        });
    }

    record StatsView(VisitorInsights.Stats stats, double answeredRate, double voiceShare) {
    }

    @GetMapping(path = "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<StatsView> stats(@PathVariable String site, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to) {
        LocalDate[] range = range(from, to, 14);
        return StudioContentController.blocking(() -> {
            VisitorInsights.Stats stats = insights.stats(site, range[0], range[1]);
            return new StatsView(stats, stats.answeredRate(), stats.questions() == 0 ? 0 : (double) stats.voice() / stats.questions());
        });
    }

    @GetMapping(path = "/stats.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> csv(@PathVariable String site, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        LocalDate[] range = range(from, to, 14);
        return StudioContentController.blocking(() -> {
            VisitorInsights.Stats stats = insights.stats(site, range[0], range[1]);
            StringBuilder csv = new StringBuilder("day,sessions,exhibit_scans,questions,answered,answered_rate,voice_questions,text_questions\r\n");
            for (VisitorInsights.Day day : stats.days()) {
                csv.append(day.day()).append(',').append(day.sessions()).append(',').append(day.scans()).append(',')
                        .append(day.questions()).append(',').append(day.answered()).append(',')
                        .append(day.questions() == 0 ? "" : String.format(Locale.ROOT, "%.3f", (double) day.answered() / day.questions()))
                        .append(',').append(day.voice()).append(',').append(day.text()).append("\r\n");
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + site + "-visitors-" + range[0] + "-to-" + range[1] + ".csv\"")
                    .body(csv.toString());
        });
    }

    @GetMapping(path = "/charts/{chart}.svg", produces = "image/svg+xml")
    Mono<ResponseEntity<String>> chart(@PathVariable String site, @PathVariable String chart,
                                       @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] range = range(from, to, 14);
        return StudioContentController.blocking(() -> {
            VisitorInsights.Stats stats = insights.stats(site, range[0], range[1]);
            List<String> labels = stats.days().stream().map(d -> d.day().toString().substring(5)).toList();
            String svg = switch (chart) {
                case "sessions" -> Charts.columns("Sessions per day", labels,
                        stats.days().stream().map(VisitorInsights.Day::sessions).toList(), null, "sessions", null);
                case "questions" -> Charts.columns("Questions per day", labels,
                        stats.days().stream().map(VisitorInsights.Day::answered).toList(),
                        stats.days().stream().map(d -> d.questions() - d.answered()).toList(), "answered", "not answered");
                case "channels" -> Charts.columns("Voice and text questions per day", labels,
                        stats.days().stream().map(VisitorInsights.Day::voice).toList(),
                        stats.days().stream().map(VisitorInsights.Day::text).toList(), "voice", "text");
                case "languages" -> Charts.bars("Sessions by language", byCount(stats.languages()), 12);
                case "exhibits" -> Charts.bars("Exhibits scanned", titled(site, stats.exhibitScans()), 12);
                case "latency" -> Charts.latency("Answer latency", stats.latencies());
                default -> throw ApiException.notFound("no-such-chart",
                        "Charts are sessions, questions, channels, languages, exhibits and latency.");
            };
            return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                    .cacheControl(CacheControl.noCache()).body(svg);
        });
    }

    private static Map<String, Integer> byCount(Map<String, Integer> values) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Exhibit ids replaced by their titles in the site's source language, where known. */
    private Map<String, Integer> titled(String siteId, Map<String, Integer> scans) {
        Map<String, Integer> titled = new LinkedHashMap<>();
        var site = sites.site(siteId);
        scans.forEach((id, count) -> titled.merge(site.flatMap(s -> s.exhibit(id)
                .flatMap(e -> e.title().firstOf(s.fallbackChain(s.sourceLanguage()))).map(t -> t.text())).orElse(id), count, Integer::sum));
        return titled;
    }

    private static LocalDate[] range(String from, String to, int defaultDays) {
        try {
            LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(to);
            LocalDate start = from == null || from.isBlank() ? end.minusDays(defaultDays - 1L) : LocalDate.parse(from);
            if (start.isAfter(end)) {
                throw ApiException.badRequest("invalid-range", "'from' must not be after 'to'.");
            }
            if (start.plusDays(MAX_DAYS).isBefore(end)) {
                throw ApiException.badRequest("invalid-range", "Ask for at most " + MAX_DAYS + " days at a time.");
            }
            return new LocalDate[] {start, end};
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-date", "Dates are written YYYY-MM-DD, such as 2026-11-25.");
        }
    }
}
