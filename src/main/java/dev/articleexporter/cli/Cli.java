package dev.articleexporter.cli;

/** Placeholder until the command line lands. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args) {
        return 2;
    }
}
