package org.heritageguide.site;

/** A part of a site (a courtyard, a building, a garden), in visiting order. */
public record Area(String id, Localized name) {
}
