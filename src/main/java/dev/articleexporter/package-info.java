/**
 * article-exporter: reads news and slideshow articles (JSON) and writes each as a PDF and
 * an EPUB, with a run history, a nightly digest and a small web server.
 * {@link dev.articleexporter.ArticleExporter} is the entry point and the Spring Boot
 * application class; it hands the command line to {@code cli}.
 *
 * <p>
 * The packages, top to bottom, each using only those below it (ArchitectureTest checks
 * it): {@code cli}, {@code web}, {@code job}, {@code pipeline}, then {@code digest},
 * {@code render}, {@code rules}, {@code history}, {@code model}, {@code input}.
 * ARCHITECTURE.md has the map; start there.
 */
package dev.articleexporter;
