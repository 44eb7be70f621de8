package org.heritageguide.site;

/** A short structured fact about an exhibit, such as a date or a dimension. */
public record Fact(Localized label, Localized value) {
}
