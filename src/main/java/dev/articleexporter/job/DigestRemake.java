package dev.articleexporter.job;

import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.model.Digest;
import dev.articleexporter.pipeline.ContentHash;
import dev.articleexporter.render.OutputFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * A run's nightly digest made again from its inputs, as its digest step made it (same
 * articles, order and sections; no cover): for those who write it differently, such as
 * the delivery by e-mail, which splits a digest too large for a mailbox into parts. An
 * article whose input changed since the run is left out, as the digest step would.
 */
@Component
public class DigestRemake {

    private final JobRepository repository;

    private final RunArticles articles;

    private final DigestInputs inputs;

    private final OutputFormats formats;

    private final RenderSettings renderSettings;

    private final ExporterProperties properties;

    DigestRemake(JobRepository repository, RunArticles articles, DigestInputs inputs, OutputFormats formats,
            RenderSettings renderSettings, ExporterProperties properties) {
        this.repository = repository;
        this.articles = articles;
        this.inputs = inputs;
        this.formats = formats;
        this.renderSettings = renderSettings;
        this.properties = properties;
    }

    /**
     * @param executionId the run that wrote the digest
     * @param fileStem the digest's recorded file name
     * @return the digest, or empty when the run is unknown or none of its articles can be
     * read again
     */
    public Optional<Digest> remake(long executionId, String fileStem) {
        JobExecution job = repository.getJobExecution(executionId);
        if (job == null) {
            return Optional.empty();
        }
        ExportSettings settings = ExportSettings.fromJobParameters(job.getJobParameters());
        int max = properties.digest().maxArticles();
        LocalDate date = Instant.parse(job.getJobParameters().getString(ExportSettings.STARTED))
            .atZone(properties.digest().zone())
            .toLocalDate();
        long rendered = articles.countRenderedInRun(job.getJobInstanceId());
        List<ArticleRecord> chosen = articles.renderedInRun(job.getJobInstanceId(), max);
        String fingerprint = renderSettings.fingerprint(formats.select(settings.formats()));
        List<DigestMaker.Candidate> found = inputs.read(chosen,
                new DigestInputs.Settings(settings.input(), settings.related(),
                        parsed -> ContentHash.of(parsed, fingerprint, settings.related().name()), problem -> {
                        }));
        Digest digest = DigestMaker.make(fileStem, date, found, (int) (rendered - chosen.size()), max);
        return digest.articleCount() == 0 ? Optional.empty() : Optional.of(digest);
    }

    /** The output format of this extension, for writing a digest in it. */
    public Optional<OutputFormats.Format> format(String extension) {
        return formats.all().stream().filter(f -> f.extension().equals(extension)).findFirst();
    }

}
