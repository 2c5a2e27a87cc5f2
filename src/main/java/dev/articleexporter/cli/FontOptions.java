package dev.articleexporter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --fonts}: for every command that renders PDFs. */
class FontOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

}
