/**
 * The PDF format (OpenPDF): an article's own PDF and the nightly digest's, laid out by
 * {@code Layout}, with a chain of fonts that covers every script ({@code PdfFonts},
 * {@code FontChain}, {@code TextSetter}).
 *
 * <p>
 * May use {@code render} and {@code model} only. Start with
 * {@link dev.articleexporter.render.pdf.PdfRenderer}.
 */
package dev.articleexporter.render.pdf;
