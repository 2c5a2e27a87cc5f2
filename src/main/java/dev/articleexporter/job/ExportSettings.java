package dev.articleexporter.job;

import dev.articleexporter.model.RelatedMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one export run does. Kept as the run's job parameters, so the history says how
 * each run was started and a restart repeats it exactly.
 *
 * @param force render every article, even those unchanged since their last export
 * @param digest also write the nightly digest of the articles the run rendered
 */
public record ExportSettings(Path input, Path output, List<String> formats, RelatedMode related, boolean force,
        boolean digest) {

    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String FORMATS = "formats";
    static final String RELATED = "related";
    static final String FORCE = "force";
    static final String DIGEST = "digest";
    static final String STARTED = "run.requested";

    public ExportSettings(Path input, Path output, List<String> formats, RelatedMode related) {
        this(input, output, formats, related, false);
    }

    public ExportSettings(Path input, Path output, List<String> formats, RelatedMode related, boolean force) {
        this(input, output, formats, related, force, false);
    }

    public ExportSettings {
        input = input.toAbsolutePath().normalize();
        output = output.toAbsolutePath().normalize();
        formats = List.copyOf(formats);
    }

    /**
     * Every invocation is a new job instance (the request time identifies it), so
     * tonight's run never clashes with last night's.
     */
    JobParameters toJobParameters(Instant requested) {
        return new JobParametersBuilder().addString(INPUT, input.toString(), false)
            .addString(OUTPUT, output.toString(), false)
            .addString(FORMATS, String.join(",", formats), false)
            .addString(RELATED, related.name(), false)
            .addString(FORCE, String.valueOf(force), false)
            .addString(DIGEST, String.valueOf(digest), false)
            .addString(STARTED, requested.toString(), true)
            .toJobParameters();
    }

    /**
     * The settings a run was started with: the one place job parameters are read back
     * (runs recorded before the digest existed have no {@code digest} parameter: off).
     */
    static ExportSettings fromJobParameters(JobParameters parameters) {
        return new ExportSettings(Path.of(parameters.getString(INPUT)), Path.of(parameters.getString(OUTPUT)),
                Arrays.asList(parameters.getString(FORMATS).split(",")),
                RelatedMode.valueOf(parameters.getString(RELATED)), Boolean.parseBoolean(parameters.getString(FORCE)),
                Boolean.parseBoolean(parameters.getString(DIGEST)));
    }
}
