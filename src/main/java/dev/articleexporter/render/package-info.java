/**
 * The output-format plug-in API: a format is a
 * {@link dev.articleexporter.render.Renderer} bean marked
 * {@link dev.articleexporter.render.OutputFormat}, found by the registry
 * {@code OutputFormats}; it writes a story as a file and the nightly digest through a
 * {@code DigestWriter}. Also the render settings and the per-article time limit. The
 * formats themselves are in {@code render.pdf} and {@code render.epub}.
 *
 * <p>
 * May use only {@code model}. Start with {@link dev.articleexporter.render.Renderer}.
 */
package dev.articleexporter.render;
