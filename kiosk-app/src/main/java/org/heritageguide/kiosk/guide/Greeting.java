package org.heritageguide.kiosk.guide;

/** What the guide says when a conversation moves to an exhibit, and where its audio is (null: none). */
public record Greeting(String text, String audioUrl) {
}
