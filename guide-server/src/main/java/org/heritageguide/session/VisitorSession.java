package org.heritageguide.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One visitor's conversation with the guide at one site. Immutable; every change returns a new value
 * that the {@link SessionStore} saves.
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

    public VisitorSession withExhibit(String exhibitId) {
        List<String> visited = new ArrayList<>(exhibitsVisited);
        if (exhibitId != null && !visited.contains(exhibitId)) {
            visited.add(exhibitId);
        }
        Context moved = exhibitId == null ? context : new Context(exhibitId, null, 0);
        return new VisitorSession(id, site, exhibitId, language, createdAt, lastSeenAt, visited, history, moved);
    }

    public VisitorSession withLanguage(String newLanguage) {
        return new VisitorSession(id, site, exhibit, newLanguage, createdAt, lastSeenAt, exhibitsVisited, history, context);
    }

    public VisitorSession withContext(Context newContext) {
        return new VisitorSession(id, site, exhibit, language, createdAt, lastSeenAt, exhibitsVisited, history, newContext);
    }

    public VisitorSession seenAt(Instant now) {
        return new VisitorSession(id, site, exhibit, language, createdAt, now, exhibitsVisited, history, context);
    }

    /** Appends a turn, keeping at most {@code maxHistory} of them. */
    public VisitorSession withTurn(Turn turn, int maxHistory) {
        List<Turn> turns = new ArrayList<>(history);
        turns.add(turn);
        if (turns.size() > maxHistory) {
            turns = turns.subList(turns.size() - maxHistory, turns.size());
        }
        return new VisitorSession(id, site, exhibit, language, createdAt, lastSeenAt, exhibitsVisited, turns, context);
    }
}
