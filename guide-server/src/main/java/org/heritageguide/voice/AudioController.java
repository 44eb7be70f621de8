package org.heritageguide.voice;

import java.time.Duration;

import org.heritageguide.speech.tts.AnswerAudio;
import org.heritageguide.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answer audio by key. A key names a text, a voice and an engine version, so its audio never changes:
 * it is served as immutable. A key handed out but not rendered yet is rendered now.
 */
@RestController
class AudioController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final AnswerAudio audio;

    AudioController(AnswerAudio audio) {
        this.audio = audio;
    }

    @GetMapping(AnswerAudio.PATH + "{key}")
    Mono<ResponseEntity<byte[]>> audio(@PathVariable String key) {
        return Mono.fromCallable(() -> audio.wav(key))
                .subscribeOn(Schedulers.boundedElastic())
                .map(wav -> wav.orElseThrow(() -> ApiException.notFound("audio-not-found",
                        "There is no audio '" + key + "'.")))
                .map(wav -> ResponseEntity.ok()
                        .contentType(WAV)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .eTag('"' + key + '"')
                        .body(wav));
    }
}
