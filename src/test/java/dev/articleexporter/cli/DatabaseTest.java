package dev.articleexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code --db} becomes Spring properties: credentials for a JDBC URL, and no password
 * in messages.
 */
class DatabaseTest {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/exporter?user=ae&password=s3cret";

    @Test
    void aPostgresUrlKeepsItsOwnCredentialsUnlessTheEnvironmentGivesSome() {
        Map<String, Object> none = new Database(PG).springProperties(Map.of());
        assertThat(none).containsEntry("spring.datasource.url", PG)
            .containsEntry("spring.datasource.username", "")
            .containsEntry("spring.datasource.password", "");

        Map<String, Object> fromEnvironment = new Database(PG)
            .springProperties(Map.of(Database.USER_VARIABLE, "nightly", Database.PASSWORD_VARIABLE, "pw"));
        assertThat(fromEnvironment).containsEntry("spring.datasource.username", "nightly")
            .containsEntry("spring.datasource.password", "pw");
    }

    @Test
    void anH2DatabaseKeepsH2sUser() {
        assertThat(new Database("data/exporter").springProperties(Map.of(Database.USER_VARIABLE, "x")))
            .doesNotContainKeys("spring.datasource.username", "spring.datasource.password");
        assertThat(new Database("jdbc:h2:file:/tmp/x").springProperties(Map.of()))
            .doesNotContainKeys("spring.datasource.username", "spring.datasource.password");
    }

    @Test
    void messagesNameTheDatabaseWithoutItsPassword() {
        assertThat(new Database(PG).describe())
            .isEqualTo("jdbc:postgresql://127.0.0.1:5432/exporter?user=ae&password=***");
        assertThat(new Database("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=pw").describe())
            .isEqualTo("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=***");
    }

}
