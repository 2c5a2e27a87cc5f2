package dev.articleexporter.cli;

import dev.articleexporter.input.InputFolder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options {@code export} and {@code validate} share: what to read and how to render it.
 */
class InputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "input",
            description = "Folder of *.json article files (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--formats", paramLabel = "LIST", split = ",", defaultValue = "pdf,epub",
            description = "Output formats, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    private final List<Path> fonts = new ArrayList<>();

    /**
     * Checked as parsed: a folder that is not there is a usage error, not a silent lack
     * of fonts.
     */
    @Option(names = "--fonts", paramLabel = "DIR", split = ",",
            description = "Extra font folders for the PDF, searched after the bundled and system fonts, "
                    + "for characters those do not cover.")
    void setFonts(List<Path> folders) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new ParameterException(command.commandLine(), "--fonts: " + folder.toAbsolutePath().normalize()
                        + (Files.exists(folder) ? " is not a folder" : " does not exist"));
            }
        }
        fonts.clear();
        fonts.addAll(folders);
    }

    /** The value of the {@code exporter.pdf.font-dirs} property. */
    String fontDirs() {
        return String.join(",", fonts.stream().map(Path::toString).toList());
    }

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
