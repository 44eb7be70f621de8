package org.heritageguide.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.heritageguide.dialogue.TurnResult;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The voice socket's messages as docs/api.md writes them, read from and written to the wire. */
class VoiceMessagesTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void theGuidesMessagesAreWrittenAsDocumentedWithTheirTypeFirst() {
        assertThat(json(new ServerMessage.Ready("vi", 16000, false, "Câu trả lời chỉ có chữ")))
                .isEqualTo("{\"type\":\"ready\",\"language\":\"vi\",\"sampleRate\":16000,\"speaks\":false,\"notice\":\"Câu trả lời chỉ có chữ\"}");
        assertThat(json(new ServerMessage.Ready("en", 48000, true, null)))
                .isEqualTo("{\"type\":\"ready\",\"language\":\"en\",\"sampleRate\":48000,\"speaks\":true,\"notice\":null}");
        assertThat(json(new ServerMessage.Partial("when was"))).isEqualTo("{\"type\":\"partial\",\"text\":\"when was\"}");
        assertThat(json(new ServerMessage.Transcript("when was it built")))
                .isEqualTo("{\"type\":\"transcript\",\"text\":\"when was it built\"}");
        assertThat(json(new ServerMessage.Audio(24000))).isEqualTo("{\"type\":\"audio\",\"format\":\"wav\",\"sampleRate\":24000}");
        assertThat(json(new ServerMessage.AudioEnd(false))).isEqualTo("{\"type\":\"audio-end\"}");
        assertThat(json(new ServerMessage.AudioEnd(true))).isEqualTo("{\"type\":\"audio-end\",\"interrupted\":true}");
        assertThat(json(new ServerMessage.ErrorMessage("busy", "Try again later")))
                .isEqualTo("{\"type\":\"error\",\"code\":\"busy\",\"message\":\"Try again later\"}");
    }

    @Test
    void anAnswerHasTheFieldsOfATurnAndItsNoticeOnlyWhenThereIsOne() {
        TurnResult turn = new TurnResult("It was built in 1805.", "en", true,
                List.of(new TurnResult.Source("exhibit:khue-van-cac", "khue-van-cac", "Khue Van Cac")), null, false, null,
                "content-answers");
        assertThat(json(new ServerMessage.Answer(turn, "/api/v1/audio/abc.wav"))).isEqualTo("{\"type\":\"answer\","
                + "\"text\":\"It was built in 1805.\",\"language\":\"en\",\"answered\":true,\"sources\":[{\"id\":\"exhibit:khue-van-cac\","
                + "\"exhibit\":\"khue-van-cac\",\"title\":\"Khue Van Cac\"}],\"decidedBy\":\"content-answers\","
                + "\"audioUrl\":\"/api/v1/audio/abc.wav\"}");
        TurnResult inFrench = new TurnResult("Construit en 1805.", "fr", true, List.of(), "En français seulement", false, null,
                "untranslated-exhibit-says-it");
        assertThat(json(new ServerMessage.Answer(inFrench, null)))
                .contains("\"notice\":\"En français seulement\"", "\"audioUrl\":null");
    }

    @Test
    void aClientsStartAndStopAreReadAndAnythingElseSaysWhatIsWrong() {
        assertThat(ClientMessage.read("{\"type\":\"start\",\"sampleRate\":16000}"))
                .isEqualTo(new ClientMessage.Start(16000, null, false));
        assertThat(ClientMessage.read("{\"type\":\"start\",\"sampleRate\":48000,\"language\":\"vi-VN\",\"pipeline\":\"baseline\"}"))
                .isEqualTo(new ClientMessage.Start(48000, "vi", true));
        assertThat(ClientMessage.read("{\"type\":\"stop\"}")).isEqualTo(new ClientMessage.Stop());

        assertThat(ClientMessage.read("{\"type\":\"start\",\"sampleRate\":4000}"))
                .isEqualTo(new ClientMessage.Unreadable("\"sampleRate\" must be a number of samples per second from 8000 to 48000."));
        assertThat(ClientMessage.read("{\"type\":\"start\",\"sampleRate\":16000,\"language\":\"english!\"}"))
                .isEqualTo(new ClientMessage.Unreadable("\"language\" must be a language tag such as \"en\" or \"vi\"."));
        for (String unreadable : List.of("", "stop", "[]", "{\"type\":{\"start\":1}}", "{\"type\":\"pause\"}")) {
            assertThat(ClientMessage.read(unreadable)).as(unreadable).isEqualTo(new ClientMessage.Unreadable(
                    "Expected a JSON message {\"type\":\"start\"} or {\"type\":\"stop\"}, or binary audio."));
        }
    }

    private static String json(ServerMessage message) {
        return JSON.writeValueAsString(message);
    }
}
