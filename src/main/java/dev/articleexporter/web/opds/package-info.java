/**
 * The OPDS 1.2 catalog for e-reader apps ({@code /opds}): navigation and acquisition
 * feeds, entries, search and its OpenSearch description, written as XML by our own
 * {@code AtomWriter}; and the same catalog as OPDS 2.0 JSON ({@code /opds/v2},
 * {@code Opds2Controller}, {@code Opds2Writer} with Jackson). Entries link the covers the
 * export writes beside the books.
 *
 * <p>
 * Part of {@code web}, with the same dependencies. Start with
 * {@link dev.articleexporter.web.opds.OpdsController}, then
 * {@link dev.articleexporter.web.opds.OpdsCatalog}.
 */
package dev.articleexporter.web.opds;
