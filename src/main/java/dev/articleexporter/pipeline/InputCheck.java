package dev.articleexporter.pipeline;

import dev.articleexporter.history.Problem;
import dev.articleexporter.input.ArticleReader;
import dev.articleexporter.input.Input;
import dev.articleexporter.rules.StoryMaker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code validate} does: every input through the same reading and
 * {@link ArticlePipeline} as an export, rendering in memory, writing nothing and
 * recording nothing.
 */
public final class InputCheck {

    /**
     * @param articles article slots read; {@code problems} are every rejection and
     * warning, in input order
     */
    public record Result(int articles, int exportable, List<Problem> problems) {

        public long rejected() {
            return problems.stream().filter(p -> p.kind() == Problem.Kind.REJECTED).count();
        }
    }

    private InputCheck() {
    }

    /**
     * @param options as an export's; nothing is unchanged, as nothing is remembered
     */
    public static Result run(Path input, ArticlePipeline.Options options, StoryMaker stories) {
        List<Problem> problems = new ArrayList<>();
        ArticlePipeline pipeline = new ArticlePipeline(options, stories, problems::add, ArticlePipeline.Memory.NONE,
                FileSink.COUNTING);
        int articles = 0;
        int exportable = 0;
        try (ArticleReader reader = new ArticleReader(input)) {
            reader.open();
            for (Input read = reader.read(); read != null; read = reader.read()) {
                articles++;
                // Bound before it is named, as validating binds every article anyway:
                // then the names, held for
                // the whole run here, do not hold the articles too (OutputNames).
                Exported exported = pipeline.process(read instanceof Input.Parsed parsed ? parsed.checked() : read);
                if (exported != null) {
                    exportable++;
                    exported.warnings()
                        .forEach(w -> problems
                            .add(new Problem(Problem.Kind.WARNING, exported.origin().toString(), exported.name(), w)));
                }
            }
        }
        return new Result(articles, exportable, problems);
    }

}
