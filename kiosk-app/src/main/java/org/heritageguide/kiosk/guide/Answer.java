package org.heritageguide.kiosk.guide;

import java.util.List;

/**
 * The guide's answer to one question, typed or spoken.
 *
 * @param sources  the titles of the exhibits the answer comes from, in the visitor's language
 * @param audioUrl the absolute address of the answer's audio, or null when it has none
 * @param notice   said in the visitor's language when the answer had to come in another one, or null
 */
public record Answer(String text, String language, boolean answered, List<String> sources, String audioUrl,
                     String notice) {
}
