/**
 * Fonts shared by what draws text ({@code render.pdf}, {@code cover}): where the system
 * keeps them. Plain Java; uses nothing of ours.
 */
package dev.articleexporter.fonts;
