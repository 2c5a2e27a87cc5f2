package dev.articleexporter.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schema we ship describes the input we read: the samples pass, malformed
 * articles do not.
 */
class ArticleSchemaTest {

    private static Schema schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ArticleSchemaTest.class.getResourceAsStream("/schema/article.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "input/briefs.json", "input/iraq-coalition.json" })
    void theBundledSamplesAreValid(String sample) throws IOException {
        List<Error> errors = schema.validate(Files.readString(Path.of(sample)), InputFormat.JSON);
        assertThat(errors).isEmpty();
    }

    @Test
    void malformedArticlesAreNot() {
        assertThat(schema.validate("{\"slides\": []}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"title\": \"T\", \"slides\": \"one\"}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("[{\"title\": \"T\", \"intro\": 3}]", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"title\": \"T\", \"intro\": [\"a\", \"b\"], \"unknown\": 1}", InputFormat.JSON))
            .isEmpty();
    }

}
