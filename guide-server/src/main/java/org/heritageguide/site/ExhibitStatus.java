package org.heritageguide.site;

/** Drafts are edited in the studio and never shown to visitors. */
public enum ExhibitStatus {
    DRAFT, PUBLISHED
}
