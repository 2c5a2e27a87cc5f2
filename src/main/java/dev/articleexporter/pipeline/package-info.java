/**
 * What happens to one article, without Spring Batch, for the export job and
 * {@code validate} alike: its output name, its fingerprint ({@code ContentHash}) for
 * skipping unchanged articles, the story and its files in every selected format
 * ({@code FileSink}), and {@code validate}'s dry run.
 *
 * <p>
 * May use {@code render}, {@code rules}, {@code history}, {@code model} and
 * {@code input}. Start with {@link dev.articleexporter.pipeline.ArticlePipeline}.
 */
package dev.articleexporter.pipeline;
