package dev.articleexporter.web.opds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.Library;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.render.epub.EpubRenderer;
import dev.articleexporter.render.pdf.PdfRenderer;
import dev.articleexporter.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A run history made by real exports into a temporary folder, and the catalog's
 * controller over it, as the serve command would wire them (standalone MockMvc: the serve
 * application is not in this branch).
 */
record CatalogFixture(Path output, JdbcClient jdbc, Library library, DigestHistory editions) {

    /** The ids of the bundled samples' articles. */
    static final String IRAQ = "iraq-pm-calls-for-departure-of-us-led-coalition";

    static final String HARBOUR = "five-harbour-towns-to-visit-in-winter";

    static final String REFINANCE = "three-questions-before-you-refinance";

    /** The application's formats, as the serve command's registry has them. */
    static final OutputFormats FORMATS = OutputFormats.of(new EpubRenderer(), new PdfRenderer());

    /**
     * Exports the bundled samples {@code bundled} (file names under {@code input/}) and
     * the {@code extra} JSON files (name to content) into {@code work/output}.
     */
    static CatalogFixture export(Path work, Iterable<String> bundled, Map<String, String> extra, String... options)
            throws IOException {
        Path input = work.resolve("input");
        Files.createDirectories(input);
        for (String name : bundled) {
            Files.copy(Path.of("input", name), input.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(input.resolve("images"));
        // the samples' pictures, so the books have them
        try (var images = Files.list(Path.of("input", "images"))) {
            for (Path image : images.toList()) {
                Files.copy(image, input.resolve("images").resolve(image.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Map.Entry<String, String> file : extra.entrySet()) {
            Files.writeString(input.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Path output = work.resolve("output");
        String db = work.resolve("data/exporter").toString();
        CliRun run = CliRun.of(concat(
                new String[] { "export", "--input", input.toString(), "--output", output.toString(), "--db", db },
                options));
        assertThat(run.code()).as("export: %s %s", run.out(), run.err()).isIn(0, 3);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + db);
        h2.setUser("sa");
        JdbcClient jdbc = JdbcClient.create(h2);
        return new CatalogFixture(output.toAbsolutePath().normalize(), jdbc, new Library(jdbc),
                new DigestHistory(jdbc));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * An edition row whose files are copies of an exported article's (the real digest is
     * built elsewhere).
     */
    void edition(long runId, String stem, String title, int articles, String copyOf) throws IOException {
        for (String ext : new String[] { ".epub", ".pdf" }) {
            Files.copy(output.resolve(copyOf + ext), output.resolve(stem + ext), StandardCopyOption.REPLACE_EXISTING);
        }
        editions.record(runId, output, stem, title, articles, List.of("epub", "pdf"));
    }

    OpdsController controller(int pageSize) {
        return new OpdsController(new OpdsCatalog(library, editions, FORMATS, output, pageSize));
    }

    /** Both catalogs, OPDS 1.2 at {@code /opds} and OPDS 2.0 at {@code /opds/v2}. */
    MockMvc mvc(int pageSize) {
        OpdsCatalog catalog = new OpdsCatalog(library, editions, FORMATS, output, pageSize);
        return MockMvcBuilders.standaloneSetup(new OpdsController(catalog), new Opds2Controller(catalog)).build();
    }

    CatalogClient client(int pageSize, String contextPath) {
        return new CatalogClient(mvc(pageSize), output, contextPath);
    }
}
