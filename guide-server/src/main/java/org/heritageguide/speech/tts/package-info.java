/**
 * Speech out: {@link org.heritageguide.speech.tts.SpeechSynthesizer}, its voices, and the answer-audio
 * cache ({@link org.heritageguide.speech.tts.AnswerAudio}). A named interface of the {@code speech}
 * module: its public types are what other modules ({@code voice}, {@code visitor}, the studio's "Try it")
 * use; the engines (MaryTTS, espeak-ng) and the spoken-text rules stay package-private.
 */
@NamedInterface("tts")
package org.heritageguide.speech.tts;

import org.springframework.modulith.NamedInterface;
