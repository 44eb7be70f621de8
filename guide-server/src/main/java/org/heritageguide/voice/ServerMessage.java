package org.heritageguide.voice;

import java.util.List;

import org.heritageguide.dialogue.TurnResult;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** What the guide sends on the voice socket as text frames (docs/api.md): JSON objects named by their {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
sealed interface ServerMessage {

    /** {@code start} accepted; {@code notice} says, in the visitor's language, when answers come as text only. */
    @JsonTypeName("ready")
    record Ready(String language, int sampleRate, boolean speaks, String notice) implements ServerMessage {
    }

    /** The words heard so far. */
    @JsonTypeName("partial")
    record Partial(String text) implements ServerMessage {
    }

    /** The question, final. */
    @JsonTypeName("transcript")
    record Transcript(String text) implements ServerMessage {
    }

    /** The answer, with the fields of a turn of the turns API. */
    @JsonTypeName("answer")
    record Answer(String text, String language, boolean answered, List<TurnResult.Source> sources,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String notice, String decidedBy, String audioUrl)
            implements ServerMessage {

        Answer(TurnResult turn, String audioUrl) {
            this(turn.text(), turn.language(), turn.answered(), turn.sources(), turn.notice(), turn.decidedBy(), audioUrl);
        }
    }

    /** The answer's audio follows, as binary frames each a small WAV file. */
    @JsonTypeName("audio")
    record Audio(String format, int sampleRate) implements ServerMessage {

        Audio(int sampleRate) {
            this("wav", sampleRate);
        }
    }

    /** All of the answer's audio was sent, or ({@code interrupted}) the visitor spoke again and the rest is not. */
    @JsonTypeName("audio-end")
    record AudioEnd(@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean interrupted) implements ServerMessage {
    }

    /** {@code code} is one of docs/api.md's; {@code message} is for people. */
    @JsonTypeName("error")
    record ErrorMessage(String code, String message) implements ServerMessage {
    }
}
