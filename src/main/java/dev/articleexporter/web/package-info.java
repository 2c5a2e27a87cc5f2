/**
 * {@code serve}: the editors' download page, {@code /files/} downloads, the run button
 * and its progress, {@code /api/status}, the nightly schedule, and security (HTTP Basic,
 * or loopback only). One export runs at a time ({@code ExportRuns}).
 *
 * <p>
 * May use {@code job}, {@code pipeline}, {@code digest}, {@code render}, {@code rules},
 * {@code history}, {@code model} and {@code input}; not {@code cli}. Start with
 * {@link dev.articleexporter.web.ServeConfig} and
 * {@link dev.articleexporter.web.PageController}.
 */
package dev.articleexporter.web;
