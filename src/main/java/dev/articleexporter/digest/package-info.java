/**
 * The nightly digest's assembly: the articles a run rendered, sorted and grouped into
 * sections like an issue of a periodical ({@link dev.articleexporter.model.Digest}).
 * Writing it in each format is {@code render}'s.
 *
 * <p>
 * May use only {@code model}. Start with {@link dev.articleexporter.digest.DigestMaker}.
 */
package dev.articleexporter.digest;
