/**
 * Covers: one JPEG cover and thumbnail per story and digest
 * ({@link dev.articleexporter.cover.CoverMaker}), drawn with Java 2D from the story's
 * lead picture or as a typographic design, in every script the bundled and system fonts
 * cover. Uses only {@code model}, so every format and the catalog share one cover.
 */
package dev.articleexporter.cover;
