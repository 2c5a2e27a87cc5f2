/**
 * The format-neutral model every output is written from: a
 * {@link dev.articleexporter.model.Story} (one article) with its {@code Meta},
 * {@code Slide}s, {@code Picture}s, {@code CreditLine}s and {@code Related} list, and the
 * nightly {@link dev.articleexporter.model.Digest} of {@code Section}s of {@code Entry}s;
 * also safe file names and book identifiers. Records and small immutable types.
 *
 * <p>
 * Uses no other package of ours. Start with {@link dev.articleexporter.model.Story}.
 */
package dev.articleexporter.model;
