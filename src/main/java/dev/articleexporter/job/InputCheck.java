package dev.articleexporter.job;

import dev.articleexporter.input.ArticleReader;
import dev.articleexporter.input.Input;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.render.TimeLimit;
import dev.articleexporter.history.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What {@code validate} does: every input through the same reading, naming, processing and
 * rendering as an export, in memory, writing nothing and recording nothing.
 */
public final class InputCheck {

    /** @param articles article slots read; {@code problems} are every rejection and warning, in input order */
    public record Result(int articles, int exportable, List<Problem> problems) {

        public long rejected() {
            return problems.stream().filter(p -> p.kind() == Problem.Kind.REJECTED).count();
        }
    }

    private InputCheck() {
    }

    /** With the default time limit per article ({@link TimeLimit#DEFAULT}, 60 s). */
    public static Result run(ExportSettings settings, StoryMaker digests, OutputFormats formats) {
        return run(settings, digests, formats, TimeLimit.DEFAULT);
    }

    /**
     * @param timeLimit how long one article may take, as in an export ({@code exporter.render.time-limit});
     *                  {@code null}, zero or negative: no limit
     */
    public static Result run(ExportSettings settings, StoryMaker digests, OutputFormats formats, Duration timeLimit) {
        List<Problem> problems = new ArrayList<>();
        ExportProcessor processor = new ExportProcessor(settings, formats.select(settings.formats()), digests, problems::add,
                stem -> java.util.Optional.empty(), "validate", null, timeLimit);
        OutputNames names = new OutputNames(OutputNames.Committed.NONE);
        ArticleReader reader = new ArticleReader(settings.input());
        int articles = 0;
        int exportable = 0;
        reader.open(new ExecutionContext());
        try {
            for (Input input = reader.read(); input != null; input = reader.read()) {
                articles++;
                // Bound before it is named, as validating binds every article anyway: then the names, held for
                // the whole run here, do not hold the articles too (OutputNames).
                Input checked = input instanceof Input.Parsed parsed ? parsed.checked() : input;
                Input named = checked instanceof Input.Parsed parsed ? names.assign(parsed) : checked;
                Exported exported = processor.process(named);
                if (exported != null) {
                    exportable++;
                    exported.warnings().forEach(w -> problems.add(
                            new Problem(Problem.Kind.WARNING, exported.origin().toString(), exported.name(), w)));
                }
            }
        } finally {
            reader.close();
        }
        return new Result(articles, exportable, problems);
    }
}
