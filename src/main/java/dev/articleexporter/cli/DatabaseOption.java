package dev.articleexporter.cli;

import picocli.CommandLine.Option;

/** {@code --db}: where the run history is, for every command that reads or writes it. */
class DatabaseOption {

    @Option(names = "--db", paramLabel = "PATH", defaultValue = Database.DEFAULT,
            description = "H2 database file of the run history, without .mv.db (default: ${DEFAULT-VALUE}); or a JDBC URL.")
    String db;

    Database database() {
        return new Database(db);
    }
}
