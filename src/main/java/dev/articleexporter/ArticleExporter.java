package dev.articleexporter;

import dev.articleexporter.cli.Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point: the command line ({@link Cli}) starts Spring only for the commands that
 * need it.
 */
@SpringBootApplication
public class ArticleExporter {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }

}
