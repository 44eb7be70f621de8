package org.heritageguide.web;

/** The body of every error answer. */
public record ApiError(String error, String message) {
}
