package dev.articleexporter;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point; the command line lives in {@code cli}. */
@SpringBootApplication
public class ArticleExporter {

    public static void main(String[] args) {
        System.exit(dev.articleexporter.cli.Cli.run(args));
    }
}
