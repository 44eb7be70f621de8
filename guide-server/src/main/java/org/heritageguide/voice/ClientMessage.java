package org.heritageguide.voice;

import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a client sends on the voice socket as text frames (docs/api.md), read and checked. */
sealed interface ClientMessage {

    JsonMapper JSON = JsonMapper.shared();
    Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /**
     * A question begins (or the language or sample rate changes).
     *
     * @param language the language to listen in, lower case without region; null: the session's
     * @param baseline the naive pipeline, for benchmarks only
     */
    record Start(int sampleRate, String language, boolean baseline) implements ClientMessage {
    }

    /** Push-to-talk released: the question is over. */
    record Stop() implements ClientMessage {
    }

    /** A text frame that is none of the messages, or one with a value out of range: {@code why}, for the client's developer. */
    record Unreadable(String why) implements ClientMessage {
    }

    static ClientMessage read(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException notJson) {
            json = null;
        }
        // a field that is no string ("type":{...}) makes a bad message, not a failure
        String type = json != null && json.isObject() ? string(json, "type") : "";
        return switch (type) {
            case "start" -> start(json);
            case "stop" -> new Stop();
            default -> new Unreadable("Expected a JSON message {\"type\":\"start\"} or {\"type\":\"stop\"}, or binary audio.");
        };
    }

    private static ClientMessage start(JsonNode json) {
        int sampleRate = json.path("sampleRate").asInt(0);
        if (sampleRate < 8000 || sampleRate > 48000) {
            return new Unreadable("\"sampleRate\" must be a number of samples per second from 8000 to 48000.");
        }
        JsonNode language = json.path("language");
        String requested = language.isString() ? language.asString().toLowerCase(Locale.ROOT).replaceFirst("[-_].*", "") : null;
        if (requested != null && !LANGUAGE.matcher(requested).matches()) {
            return new Unreadable("\"language\" must be a language tag such as \"en\" or \"vi\".");
        }
        return new Start(sampleRate, requested, "baseline".equals(string(json, "pipeline")));
    }

    private static String string(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isString() ? value.asString() : "";
    }
}
