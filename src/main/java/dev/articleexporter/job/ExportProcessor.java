package dev.articleexporter.job;

import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.job.Exported.RenderedFile;
import dev.articleexporter.model.Story;
import dev.articleexporter.rules.StoryMaker;
import dev.articleexporter.rules.InvalidArticleException;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.render.OutputFormats.Format;
import dev.articleexporter.render.TimeLimit;
import dev.articleexporter.render.TimeLimitExceededException;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Digests an article and renders it in every selected format, on a render thread: each format
 * into a temporary file in the output folder, all renamed into place once every format is done
 * ({@link StagedFiles}). An article unchanged since its last export is not rendered, nor even bound.
 * Inputs that cannot be exported are recorded as rejected and filtered out (returning
 * {@code null}), so the step's filter count is the run's rejected count.
 *
 * <p>Each article has a budget: it must be processed and rendered in every format within the time
 * limit ({@code exporter.render.time-limit}, checked cooperatively: see {@link TimeLimit}), and an
 * article that runs the JVM out of memory is dropped. Either way it is rejected by name, its
 * temporary files are removed, and the run goes on with the next article.
 */
public class ExportProcessor implements ItemProcessor<Input, Exported> {

    private static final Logger log = LoggerFactory.getLogger(ExportProcessor.class);

    private final ExportSettings settings;
    private final List<Format> formats;
    private final StoryMaker digests;
    private final Consumer<Problem> rejections;
    private final Function<String, Optional<ArticleRecord>> lastExport;
    private final String renderFingerprint;
    private final Path staging;
    private final Duration timeLimit;

    /** With the default time limit per article ({@link TimeLimit#DEFAULT}, 60 s). */
    public ExportProcessor(ExportSettings settings, List<Format> formats, StoryMaker digests, Consumer<Problem> rejections,
                           Function<String, Optional<ArticleRecord>> lastExport, String renderFingerprint, Path staging) {
        this(settings, formats, digests, rejections, lastExport, renderFingerprint, staging, TimeLimit.DEFAULT);
    }

    /**
     * @param rejections        where rejected inputs are recorded (the run's problem table, or a list when only validating)
     * @param lastExport        the latest record of an output name, to skip unchanged articles
     * @param renderFingerprint what besides the content decides the output ({@code RenderSettings})
     * @param staging           the folder temporary files are rendered into (the output folder), or
     *                          {@code null} to render without writing anything ({@code validate})
     * @param timeLimit         how long one article may take, processing and every format
     *                          ({@code exporter.render.time-limit}); {@code null}, zero or negative: no limit
     */
    public ExportProcessor(ExportSettings settings, List<Format> formats, StoryMaker digests, Consumer<Problem> rejections,
                           Function<String, Optional<ArticleRecord>> lastExport, String renderFingerprint, Path staging,
                           Duration timeLimit) {
        this.settings = settings;
        this.formats = List.copyOf(formats);
        this.digests = digests;
        this.rejections = rejections;
        this.lastExport = lastExport;
        this.renderFingerprint = renderFingerprint;
        this.staging = staging;
        this.timeLimit = timeLimit;
    }

    /** The message of an article rejected for taking longer than the time limit. */
    static String overTime(Duration limit) {
        return "took longer than " + TimeLimit.describe(limit) + " to render (" + TimeLimit.PROPERTY + "); not exported";
    }

    /** The message of an article rejected for running out of memory. */
    static final String OUT_OF_MEMORY = "needed more memory than the run has (-Xmx); not exported";

    @Override
    public Exported process(Input input) {
        return switch (input) {
            case Input.Rejected bad -> reject(bad.origin(), bad.article(), bad.reason());
            case Input.Parsed parsed -> withinBudget(parsed);
        };
    }

    /** What one article has got to: its name as known so far, and its files rendered so far. */
    private static final class Attempt {
        String name;
        final List<RenderedFile> files = new ArrayList<>(2);

        Attempt(String name) {
            this.name = name;
        }
    }

    /** Exports an article within its time limit and the memory of the run, or rejects it. */
    private Exported withinBudget(Input.Parsed parsed) {
        TimeLimit limit = TimeLimit.start(timeLimit);
        Attempt attempt = new Attempt(parsed.stem());
        try (TimeLimit.Scope ignored = limit.enter()) {
            return export(parsed, limit, attempt);
        } catch (TimeLimitExceededException e) {
            discard(attempt.files);
            return reject(parsed.origin(), attempt.name, overTime(e.limit()));
        } catch (OutOfMemoryError e) {
            // What the article held became garbage as the stack unwound: report, and go on.
            discard(attempt.files);
            String name = attempt.name;
            log.error("{}{} ran out of memory while it was processed; rejected, the run goes on", parsed.origin(),
                    name == null ? "" : " (" + name + ")", e);
            return reject(parsed.origin(), name, OUT_OF_MEMORY);
        }
    }

    private Exported export(Input.Parsed parsed, TimeLimit limit, Attempt attempt) {
        String hash = parsed.stem() == null ? null : ContentHash.of(parsed, renderFingerprint, settings.related().name());
        if (hash != null && !settings.force()) {
            Optional<ArticleRecord> last = lastExport.apply(parsed.stem());
            if (last.isPresent() && hash.equals(last.get().contentHash()) && filesExist(parsed.stem())) {
                return Exported.unchanged(parsed.origin(), last.get().asUnchanged(parsed.origin().toString()));
            }
        }
        // Bound only now. (A hash that matched came from an article that bound: the same tree binds again.)
        if (parsed.checked() instanceof Input.Rejected bad) {
            return reject(bad.origin(), bad.article(), bad.reason());
        }
        String name = Problem.articleLabel(parsed.article().id(), parsed.article().title());
        attempt.name = name;
        Warnings warnings = new Warnings();
        parsed.warnings().forEach(warnings::add);
        Story digest;
        try {
            digest = digests.make(parsed.article(), parsed.folder(), parsed.stem(), settings.related(), warnings);
        } catch (InvalidArticleException e) {
            return reject(parsed.origin(), name, e.getMessage());
        }
        attempt.name = digest.id();
        limit.check(); // making the digest (reading its images) counts too
        List<RenderedFile> files = attempt.files;
        for (Format format : formats) {
            String fileName = digest.id() + "." + format.extension();
            try {
                files.add(render(format, digest, fileName, warnings, limit));
            } catch (OutputWriteException e) {
                discard(files);
                throw new UncheckedIOException(e); // the disk, not the article: the run stops, on record
            } catch (Exception e) {
                // One article that breaks a renderer must not stop the night's run.
                discard(files);
                Optional<TimeLimitExceededException> late = TimeLimitExceededException.in(e);
                if (late.isPresent()) {
                    return reject(parsed.origin(), digest.id(), overTime(late.get().limit()));
                }
                log.error("Rendering {} of {} ({}) failed", format.name(), parsed.origin(), digest.id(), e);
                return reject(parsed.origin(), digest.id(), "could not be rendered as " + format.name() + ": " + e);
            }
        }
        if (staging != null) {
            // All formats rendered: put them in place now, so files appear as soon as they are ready.
            for (RenderedFile file : files) {
                try {
                    StagedFiles.place(staging, file.staged(), file.name());
                } catch (OutputWriteException e) {
                    discard(files);
                    throw new UncheckedIOException(e);
                }
            }
        }
        Meta meta = digest.meta();
        ArticleRecord article = new ArticleRecord(parsed.article().id(), digest.id(), parsed.origin().toString(),
                meta.title(), meta.section(), meta.published() == null ? null : meta.published().w3cdtf(), meta.language(),
                meta.site(), meta.author(), ArticleRecord.summaryOf(digest.intro()), false, hash);
        return new Exported(parsed.origin(), article, files, warnings.list());
    }

    /**
     * Renders into a temporary file in the output folder, or only counts the bytes when validating.
     * The renderer writes through the time limit's check ({@link TimeLimit#guard}), outside the
     * stream that tells disk failures apart: running out of time is not one.
     */
    private RenderedFile render(Format format, Story digest, String fileName, Warnings warnings, TimeLimit limit)
            throws Exception {
        if (staging == null) {
            CountingOutputStream out = new CountingOutputStream();
            format.renderer().render(digest, limit.guard(out), warnings);
            refusedWrites(limit);
            return new RenderedFile(fileName, null, out.count);
        }
        Path temp = StagedFiles.create(staging);
        StagedFiles.Guarded out = null;
        try {
            out = StagedFiles.open(temp);
            format.renderer().render(digest, limit.guard(out), warnings);
            refusedWrites(limit);
            out.close();
            return new RenderedFile(fileName, temp, Files.size(temp));
        } catch (Exception e) {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException ignored) {
                // the failure below says what went wrong
            }
            Files.deleteIfExists(temp);
            IOException disk = out == null ? (e instanceof IOException io ? io : null) : out.failure();
            if (disk != null) {
                throw new OutputWriteException("cannot write " + staging.resolve(fileName) + ": " + disk.getMessage(), disk);
            }
            throw e;
        } catch (Error e) {
            // Out of memory, most likely: the temporary file goes with the article.
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(temp);
            } catch (IOException | RuntimeException ignored) {
                // removed by the next run's clean-up
            }
            throw e;
        }
    }

    /** A renderer that swallowed a refused write has written an incomplete file: over time all the same. */
    private static void refusedWrites(TimeLimit limit) {
        if (limit.tripped()) {
            throw new TimeLimitExceededException(limit.limit());
        }
    }

    private static void discard(List<RenderedFile> files) {
        for (RenderedFile file : files) {
            try {
                if (file.staged() != null) {
                    Files.deleteIfExists(file.staged());
                }
            } catch (IOException ignored) {
                // removed by the next run's clean-up
            }
        }
    }

    /** Validation renders everything but keeps nothing: only the size. */
    private static final class CountingOutputStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private boolean filesExist(String stem) {
        return formats.stream().allMatch(f -> Files.isRegularFile(settings.output().resolve(stem + "." + f.extension())));
    }

    private Exported reject(Origin origin, String article, String reason) {
        log.warn("Rejected {}{}: {}", origin, article == null ? "" : " (" + article + ")", reason);
        rejections.accept(new Problem(Problem.Kind.REJECTED, origin.toString(), article, reason));
        return null;
    }
}
