package dev.articleexporter.cli;

import dev.articleexporter.input.InputFolder;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options {@code export} and {@code validate} share: what to read and how to render it.
 */
class InputOptions extends FontOptions {

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input",
            description = "Folder of *.json article files (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--formats", paramLabel = "LIST", split = ",", defaultValue = "pdf,epub",
            description = "Output formats, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    /**
     * Whether the input folder holds no {@code *.json} file at all (said, so an empty
     * night is not a mystery).
     */
    boolean hasNoJsonFiles() {
        try {
            return new InputFolder(input).jsonFiles().isEmpty();
        }
        catch (UncheckedIOException e) {
            return false; // the run itself says why the folder cannot be read
        }
    }

}
