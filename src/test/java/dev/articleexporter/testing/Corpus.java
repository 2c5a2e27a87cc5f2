package dev.articleexporter.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Input folders made by tests: copies of the bundled sample article under new ids. */
public final class Corpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Corpus() {
    }

    /**
     * {@code files} files of {@code perFile} copies of the 17-slide sample, ids
     * {@code a-<file>-<n>}.
     */
    public static void copiesOfTheSample(Path folder, int files, int perFile) throws IOException {
        Files.createDirectories(folder);
        ObjectNode sample = (ObjectNode) JSON.readTree(Path.of("input/iraq-coalition.json").toFile());
        for (int f = 0; f < files; f++) {
            ArrayNode array = JSON.createArrayNode();
            for (int n = 0; n < perFile; n++) {
                array.add(sample.deepCopy().put("id", "a-" + f + "-" + n));
            }
            JSON.writeValue(folder.resolve(String.format("part-%04d.json", f)).toFile(), array);
        }
    }

}
