package org.heritageguide.site;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether the visitor app may use the phone browser's own speech recognition (the Web Speech API) for a
 * language the guide cannot hear itself: {@code browserSpeech} in site.yaml, chosen by an administrator,
 * because remote recognition sends the visitor's voice to the browser maker's service.
 */
public enum BrowserSpeech {
    /** Only recognition that runs on the phone (the default): nothing spoken leaves the device but the words. */
    ON_DEVICE("on-device"),
    /** On the phone where it can, else the browser's remote service, after telling the visitor once. */
    REMOTE_ALLOWED("remote-allowed"),
    /** Never: visitors in languages the guide cannot hear type. */
    OFF("off");

    private final String key;

    BrowserSpeech(String key) {
        this.key = key;
    }

    /** As written in site.yaml and the API. */
    public String key() {
        return key;
    }

    public static Optional<BrowserSpeech> fromKey(String key) {
        return Arrays.stream(values()).filter(value -> value.key.equals(key)).findFirst();
    }
}
