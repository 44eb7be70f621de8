package org.heritageguide.visitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.heritageguide.GuideProperties;
import org.heritageguide.analytics.VisitorEvent;
import org.heritageguide.analytics.VisitorEvents;
import org.heritageguide.dialogue.GuidePhrases;
import org.heritageguide.qr.LabelSigner;
import org.heritageguide.session.Sessions;
import org.heritageguide.session.VisitorSession;
import org.heritageguide.site.Site;
import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.site.SiteDirectory;
import org.heritageguide.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Opening a conversation, and moving it to the next exhibit or another language. */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class SessionsController {

    private final Sessions sessions;
    private final SiteDirectory sites;
    private final LabelSigner signer;
    private final GuidePhrases phrases;
    private final VisitorEvents events;
    private final AnswerAudio answerAudio;
    private final GuideProperties properties;

    SessionsController(Sessions sessions, SiteDirectory sites, LabelSigner signer, GuidePhrases phrases,
                       VisitorEvents events, AnswerAudio answerAudio, GuideProperties properties) {
        this.sessions = sessions;
        this.sites = sites;
        this.signer = signer;
        this.phrases = phrases;
        this.events = events;
        this.answerAudio = answerAudio;
        this.properties = properties;
    }

    record OpenRequest(@NotBlank @Size(max = 64) String site, @Size(max = 64) String exhibit,
                       @Size(max = 64) String sig, @Size(max = 16) String language) {
    }

    record ChangeRequest(@Size(max = 64) String exhibit, @Size(max = 64) String sig, @Size(max = 16) String language) {
    }

    record Greeting(String text, String audioUrl) {
    }

    /** @param handoffUrl the address that opens this conversation on a phone (a kiosk shows it as a QR code) */
    record SessionView(String id, String site, String exhibit, String language, List<String> exhibitsVisited,
                       int turns, Greeting greeting, String handoffUrl) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionView> open(@Valid @RequestBody OpenRequest request,
                           @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Site site = SitesController.find(sites, request.site());
        Arrival arrival = arrival(site, request.exhibit(), request.sig());
        String language = request.language() != null
                ? checkedLanguage(site, request.language())
                : site.negotiateLanguage(preferredLanguages(acceptLanguage));
        return sessions.open(site.id(), arrival.exhibit(), language)
                .doOnNext(session -> {
                    record(VisitorEvent.SESSION_OPENED, session);
                    if (arrival.scanned()) {
                        record(VisitorEvent.EXHIBIT_SCANNED, session);
                    }
                })
                .map(session -> view(session, site, true));
    }

    @GetMapping("/{id}")
    Mono<SessionView> get(@PathVariable String id) {
        return sessions.get(id).map(session -> view(session, SitesController.find(sites, session.site()), false));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<SessionView> change(@PathVariable String id, @Valid @RequestBody ChangeRequest request) {
        return sessions.get(id).flatMap(before -> {
            Site site = SitesController.find(sites, before.site());
            boolean moved = request.exhibit() != null && !request.exhibit().equals(before.exhibit());
            Arrival arrival = moved ? arrival(site, request.exhibit(), request.sig()) : null;
            String language = request.language() != null ? checkedLanguage(site, request.language()) : null;
            // applied to the session as it is now, so that a turn answered meanwhile is kept
            return sessions.update(id, current -> {
                        VisitorSession changed = moved && !Objects.equals(arrival.exhibit(), current.exhibit())
                                ? current.withExhibit(arrival.exhibit()) : current;
                        return language != null ? changed.withLanguage(language) : changed;
                    })
                    .doOnNext(saved -> {
                        if (moved && arrival.scanned()) {
                            record(VisitorEvent.EXHIBIT_SCANNED, saved);
                        }
                        if (!saved.language().equals(before.language())) {
                            record(VisitorEvent.LANGUAGE_CHANGED, saved);
                        }
                    })
                    .map(saved -> view(saved, site, moved));
        });
    }

    private void record(String type, VisitorSession session) {
        events.record(VisitorEvent.of(type, Instant.now(), session.site(), session.exhibit(), session.id(), session.language()));
    }

    /**
     * Where a session goes: an exhibit of the site, or none; and whether a label brought it there. Only a
     * label's signature makes a scan: an exhibit without one (an address typed, an exhibit chosen in the
     * app) is visited but not counted as a scan. A signature that does not match is refused.
     */
    private record Arrival(String exhibit, boolean scanned) {
    }

    private Arrival arrival(Site site, String exhibit, String sig) {
        if (exhibit == null || exhibit.isBlank()) {
            return new Arrival(null, false);
        }
        SitesController.findExhibit(site, exhibit);
        if (sig == null) {
            return new Arrival(exhibit, false);
        }
        if (!signer.verify(site.id(), exhibit, sig)) {
            throw ApiException.badRequest("label-not-recognised",
                    "This label's code is not valid for " + site.id() + "/" + exhibit + ".");
        }
        return new Arrival(exhibit, true);
    }

    private static String checkedLanguage(Site site, String language) {
        String primary = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!site.speaks(primary)) {
            throw ApiException.badRequest("unsupported-language",
                    "The site '" + site.id() + "' does not speak '" + language + "'. It speaks " + site.languages() + ".");
        }
        return primary;
    }

    static List<String> preferredLanguages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            List<String> tags = new ArrayList<>();
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() > 0) {
                    tags.add(range.getRange());
                }
            }
            return tags;
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }

    private SessionView view(VisitorSession session, Site site, boolean greet) {
        Greeting greeting = null;
        if (greet) {
            String text = phrases.greeting(site, session.exhibit(), session.language());
            greeting = new Greeting(text, answerAudio.url(session.language(), text).orElse(null));
        }
        return new SessionView(session.id(), session.site(), session.exhibit(), session.language(),
                session.exhibitsVisited(), session.history().size(), greeting,
                properties.baseUrl() + "/c/" + session.id());
    }
}
