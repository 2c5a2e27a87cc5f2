package dev.articleexporter.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --db}: where the run history is, for every command that reads or writes it. */
class DatabaseOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private String db = Database.DEFAULT;

    /**
     * Checked as it is parsed: a bad value is a usage error (exit 2) before anything is
     * created.
     */
    @Option(names = "--db", paramLabel = "PATH", defaultValue = Database.DEFAULT,
            description = "H2 database file of the run history, without .mv.db (default: ${DEFAULT-VALUE}); or a JDBC URL.")
    void setDb(String value) {
        String problem = Database.problem(value);
        if (problem != null) {
            throw new ParameterException(command.commandLine(), problem);
        }
        db = value;
    }

    Database database() {
        return new Database(db);
    }

}
