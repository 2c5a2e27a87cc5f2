/**
 * The export as a Spring Batch job: the partitioned step (manager and workers), its
 * reader, processor and writer ({@code ArticleRecorder}), the nightly digest step, locks,
 * staged files, resuming and dead-run recovery ({@code ExportService}), and the run's
 * settings and properties.
 *
 * <p>
 * May use {@code pipeline}, {@code digest}, {@code render}, {@code rules},
 * {@code history}, {@code model} and {@code input}; not {@code cli} or {@code web}. Start
 * with {@link dev.articleexporter.job.ExportJobConfig}, then
 * {@link dev.articleexporter.job.ExportService}.
 */
package dev.articleexporter.job;
