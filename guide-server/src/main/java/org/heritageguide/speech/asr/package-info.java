/**
 * Speech in: {@link org.heritageguide.speech.asr.SpeechRecognizer} and what it hears. A named interface
 * of the {@code speech} module: its public types are what other modules ({@code voice}, {@code visitor})
 * use; the Vosk implementation stays package-private.
 */
@NamedInterface("asr")
package org.heritageguide.speech.asr;

import org.springframework.modulith.NamedInterface;
