/**
 * The EPUB 2.0.1 format (epub4j for the book, our own package document and NCX writer):
 * an article's own book and the nightly digest's, from XHTML pages written with StAX.
 *
 * <p>
 * May use {@code render} and {@code model} only. Start with
 * {@link dev.articleexporter.render.epub.EpubRenderer}.
 */
package dev.articleexporter.render.epub;
