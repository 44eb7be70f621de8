package org.heritageguide.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One visitor's conversation with the guide at one site. Immutable; every change returns a new value
 * that the {@link SessionStore} saves. Made with {@link #builder(String)}, each part by its name.
 *
 * @param exhibit         the exhibit whose label the visitor scanned last, or null
 * @param exhibitsVisited every exhibit scanned, in order, without repeats
 * @param history         the last turns, oldest first (capped)
 * @param context         what the conversation is about right now, for follow-up questions
 */
public record VisitorSession(
        String id,
        String site,
        String exhibit,
        String language,
        Instant createdAt,
        Instant lastSeenAt,
        List<String> exhibitsVisited,
        List<Turn> history,
        Context context) {

    public VisitorSession {
        exhibitsVisited = exhibitsVisited == null ? List.of() : List.copyOf(exhibitsVisited);
        history = history == null ? List.of() : List.copyOf(history);
        context = context == null ? Context.NONE : context;
    }

    /**
     * One question and its answer.
     *
     * @param sources ids of what the answer came from ({@code exhibit:<id>}, {@code faq:<id>}, {@code info:<topic>})
     */
    public record Turn(String question, String answer, String language, boolean answered, List<String> sources,
                       String channel, Instant at) {
        public Turn {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /**
     * The topic of the conversation: the exhibit talked about last and how far its text has been told,
     * so that "tell me more" and "when was it built?" follow on.
     *
     * @param topicExhibit the exhibit the last answer was about, or null
     * @param lastSource   the source of the last answer, or null
     * @param toldUpTo     how many sentences of that source's text have been told
     */
    public record Context(String topicExhibit, String lastSource, int toldUpTo) {
        public static final Context NONE = new Context(null, null, 0);
    }

    /** A session with the id {@code id}, to be given its site, language and the time it was opened. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    public VisitorSession withExhibit(String exhibitId) {
        List<String> visited = new ArrayList<>(exhibitsVisited);
        if (exhibitId != null && !visited.contains(exhibitId)) {
            visited.add(exhibitId);
        }
        Context moved = exhibitId == null ? context : new Context(exhibitId, null, 0);
        return toBuilder().exhibit(exhibitId).exhibitsVisited(visited).context(moved).build();
    }

    public VisitorSession withLanguage(String newLanguage) {
        return toBuilder().language(newLanguage).build();
    }

    public VisitorSession withContext(Context newContext) {
        return toBuilder().context(newContext).build();
    }

    public VisitorSession seenAt(Instant now) {
        return toBuilder().lastSeenAt(now).build();
    }

    /** Appends a turn, keeping at most {@code maxHistory} of them. */
    public VisitorSession withTurn(Turn turn, int maxHistory) {
        List<Turn> turns = new ArrayList<>(history);
        turns.add(turn);
        if (turns.size() > maxHistory) {
            turns = turns.subList(turns.size() - maxHistory, turns.size());
        }
        return toBuilder().history(turns).build();
    }

    private Builder toBuilder() {
        return new Builder(id).site(site).language(language).openedAt(createdAt).lastSeenAt(lastSeenAt).exhibit(exhibit)
                .exhibitsVisited(exhibitsVisited).history(history).context(context);
    }

    /**
     * A new session's parts by name: it begins at no exhibit, with no history. What the conversation changes
     * afterwards is changed by the session's own {@code with} methods.
     */
    public static final class Builder {
        private final String id;
        private String site;
        private String language;
        private Instant createdAt;
        private Instant lastSeenAt;
        private String exhibit;
        private List<String> exhibitsVisited = List.of();
        private List<Turn> history = List.of();
        private Context context = Context.NONE;

        private Builder(String id) {
            this.id = id;
        }

        public Builder site(String site) {
            this.site = site;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** Created and last seen at {@code at}. */
        public Builder openedAt(Instant at) {
            this.createdAt = at;
            this.lastSeenAt = at;
            return this;
        }

        private Builder lastSeenAt(Instant lastSeenAt) {
            this.lastSeenAt = lastSeenAt;
            return this;
        }

        private Builder exhibit(String exhibit) {
            this.exhibit = exhibit;
            return this;
        }

        private Builder exhibitsVisited(List<String> exhibitsVisited) {
            this.exhibitsVisited = exhibitsVisited;
            return this;
        }

        private Builder history(List<Turn> history) {
            this.history = history;
            return this;
        }

        private Builder context(Context context) {
            this.context = context;
            return this;
        }

        public VisitorSession build() {
            return new VisitorSession(id, site, exhibit, language, createdAt, lastSeenAt, exhibitsVisited, history, context);
        }
    }
}
