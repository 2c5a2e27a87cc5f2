/**
 * The command line (picocli): {@code export} (the default), {@code validate},
 * {@code runs}, {@code serve} and {@code worker} (remote runs: {@code --broker}), their
 * shared options, the terminal's summary and progress bar, and the process exit codes.
 * Options are parsed before Spring starts; {@code Spring} then starts the context a
 * command needs ({@code AotContext} is the one Spring AOT prepares at build time for the
 * commands without a web server).
 *
 * <p>
 * The top of the map: may use every package. Start with
 * {@link dev.articleexporter.cli.Cli}, then
 * {@link dev.articleexporter.cli.ExportCommand}.
 */
package dev.articleexporter.cli;
