/**
 * The languages the guide speaks in its own words, and their texts: one folder per language,
 * {@code i18n/<language>/}, with the guide's phrases ({@code guide.properties}), how numbers and times
 * are read aloud ({@code spoken.properties}), the visitor app's words ({@code visitor.properties}) and
 * the kiosk's ({@code kiosk.properties}, copied into the kiosk when it is built).
 */
package org.heritageguide.i18n;
