package dev.articleexporter.pipeline;

import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.Problem;
import dev.articleexporter.input.FileSkip;
import dev.articleexporter.input.Input;
import dev.articleexporter.input.Origin;
import dev.articleexporter.model.Cover;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.RelatedMode;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Warnings;
import dev.articleexporter.pipeline.Exported.RenderedFile;
import dev.articleexporter.render.OutputFormats.Format;
import dev.articleexporter.render.TimeLimit;
import dev.articleexporter.render.TimeLimitExceededException;
import dev.articleexporter.rules.InvalidArticleException;
import dev.articleexporter.rules.StoryMaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one article, for an export and for {@code validate} alike: it is named
 * (duplicates rejected, {@link OutputNames}), fingerprinted and skipped when unchanged
 * since its last export ({@link ContentHash}), bound, made into a {@link Story}, given
 * its cover ({@link CoverMaker}: {@code <name>.cover.jpg} and {@code <name>.thumb.jpg},
 * beside its other files) and rendered in every selected format into its
 * {@link FileSink}. Inputs that cannot be exported are reported to {@code rejections} and
 * give {@code null}.
 *
 * <p>
 * Each article has a budget: it must be made and rendered in every format within the time
 * limit ({@code exporter.render.time-limit}, checked cooperatively: see
 * {@link TimeLimit}), and an article that runs the JVM out of memory is dropped. Either
 * way it is rejected by name, its files are discarded, and the next article goes on. A
 * disk that fails stops the run instead ({@link UncheckedIOException}).
 *
 * <p>
 * Not thread-safe: one pipeline meets its articles in input order (one per partition of a
 * run).
 */
public final class ArticlePipeline {

    private static final Logger log = LoggerFactory.getLogger(ArticlePipeline.class);

    /**
     * How articles are exported.
     *
     * @param formats the selected formats, in order
     * @param force render every article, even those unchanged since their last export
     * @param renderFingerprint what besides the content decides the output
     * ({@code RenderSettings})
     * @param timeLimit how long one article may take, making and every format;
     * {@code null}, zero or negative: no limit
     */
    public record Options(List<Format> formats, RelatedMode related, boolean force, String renderFingerprint,
            Duration timeLimit) {

        public Options {
            formats = List.copyOf(formats);
        }
    }

    /**
     * What earlier work knows.
     *
     * @param names who holds a name in what this run already committed
     * @param lastExports the latest record of an output name, to skip unchanged articles
     */
    public record Memory(OutputNames.Committed names, Function<String, Optional<ArticleRecord>> lastExports) {

        /**
         * Nothing: every name is held in memory, no article is unchanged
         * ({@code validate}).
         */
        public static final Memory NONE = new Memory(OutputNames.Committed.NONE, stem -> Optional.empty());

    }

    /** The message of an article rejected for taking longer than the time limit. */
    public static String overTime(Duration limit) {
        return "took longer than " + TimeLimit.describe(limit) + " to render (" + TimeLimit.PROPERTY
                + "); not exported";
    }

    /** The message of an article rejected for running out of memory. */
    public static final String OUT_OF_MEMORY = "needed more memory than the run has (-Xmx); not exported";

    private final Options options;

    private final StoryMaker stories;

    private final Consumer<Problem> rejections;

    private final Memory memory;

    private final FileSink sink;

    private final OutputNames names;

    private final CoverMaker covers = new CoverMaker();

    /** No cover of ours is larger: a bigger file is not one to use again. */
    private static final int COVER_BYTES = 16 * 1024 * 1024;

    /**
     * @param rejections where rejected inputs are reported (the run's problem table, or a
     * list when only validating)
     */
    public ArticlePipeline(Options options, StoryMaker stories, Consumer<Problem> rejections, Memory memory,
            FileSink sink) {
        this.options = options;
        this.stories = stories;
        this.rejections = rejections;
        this.memory = memory;
        this.sink = sink;
        // Names held by articles of files passed over unread count as committed too.
        this.names = new OutputNames(memory.names() == OutputNames.Committed.NONE ? memory.names()
                : name -> memory.names().holder(name).or(() -> skippedHolder(name)));
    }

    /** Who holds the names of the files passed over so far; none before the first. */
    private FileSkip.Names skippedNames;

    private Optional<OutputNames.Holder> skippedHolder(String name) {
        return skippedNames == null ? Optional.empty()
                : skippedNames.holder(name).map(held -> new OutputNames.Holder(held.articleId(), held.origin()));
    }

    /**
     * The article exported (its files finished, not yet in place) or found unchanged;
     * {@code null} when rejected.
     */
    public Exported process(Input input) {
        Input named = input instanceof Input.Parsed parsed ? names.assign(parsed) : input;
        return switch (named) {
            case Input.Rejected bad -> reject(bad.origin(), bad.article(), bad.reason());
            case Input.Parsed parsed -> withinBudget(parsed);
            case Input.Unchanged files -> {
                skippedNames = files.names();
                yield Exported.skipped(files);
            }
        };
    }

    /**
     * What was processed so far is committed ({@link Memory#names()} knows it now): its
     * names need not be held.
     */
    public void committed() {
        names.forgetCommitted();
    }

    /**
     * What one article has got to: its name as known so far, and its files rendered so
     * far.
     */
    private static final class Attempt {

        String name;

        final List<RenderedFile> files = new ArrayList<>(2);

        Attempt(String name) {
            this.name = name;
        }

    }

    /** A failure of the disk, not of the article, while rendering. */
    private static final class DiskFailure extends Exception {

        DiskFailure(IOException cause) {
            super(cause);
        }

    }

    /**
     * Exports an article within its time limit and the memory of the run, or rejects it.
     */
    private Exported withinBudget(Input.Parsed parsed) {
        TimeLimit limit = TimeLimit.start(options.timeLimit());
        Attempt attempt = new Attempt(parsed.stem());
        try (TimeLimit.Scope ignored = limit.enter()) {
            return export(parsed, limit, attempt);
        }
        catch (TimeLimitExceededException e) {
            Exported.discard(attempt.files);
            return reject(parsed.origin(), attempt.name, overTime(e.limit()));
        }
        catch (OutOfMemoryError e) {
            // What the article held became garbage as the stack unwound: report, and go
            // on.
            Exported.discard(attempt.files);
            String name = attempt.name;
            log.error("{}{} ran out of memory while it was processed; rejected, the run goes on", parsed.origin(),
                    name == null ? "" : " (" + name + ")", e);
            return reject(parsed.origin(), name, OUT_OF_MEMORY);
        }
    }

    private Exported export(Input.Parsed parsed, TimeLimit limit, Attempt attempt) {
        String hash = parsed.stem() == null ? null
                : ContentHash.of(parsed, options.renderFingerprint(), options.related().name());
        if (hash != null && !options.force()) {
            Optional<ArticleRecord> last = memory.lastExports().apply(parsed.stem());
            if (last.isPresent() && hash.equals(last.get().contentHash()) && filesExist(parsed.stem())) {
                return Exported.unchanged(parsed.origin(), last.get().asUnchanged(parsed.origin().toString()));
            }
        }
        // Bound only now. (A hash that matched came from an article that bound: the same
        // tree binds again.)
        if (parsed.checked() instanceof Input.Rejected bad) {
            return reject(bad.origin(), bad.article(), bad.reason());
        }
        String name = Problem.articleLabel(parsed.article().id(), parsed.article().title());
        attempt.name = name;
        Warnings warnings = new Warnings();
        parsed.warnings().forEach(warnings::add);
        Story story;
        try {
            story = stories.make(parsed.article(), parsed.folder(), parsed.stem(), options.related(), warnings);
        }
        catch (InvalidArticleException e) {
            return reject(parsed.origin(), name, e.getMessage());
        }
        attempt.name = story.id();
        limit.check(); // making the story (reading its images) counts too
        List<RenderedFile> files = attempt.files;
        try {
            story = story.withCover(cover(story));
            limit.check();
            files.add(write(Cover.fileName(story.id()), story.cover().full().jpeg()));
            files.add(write(Cover.thumbnailName(story.id()), story.cover().thumbnail().jpeg()));
        }
        catch (DiskFailure e) {
            Exported.discard(files);
            throw new UncheckedIOException((IOException) e.getCause());
        }
        catch (TimeLimitExceededException e) {
            throw e; // rejected, and its files discarded, by withinBudget
        }
        catch (RuntimeException e) {
            Exported.discard(files);
            log.error("Making the cover of {} ({}) failed", parsed.origin(), story.id(), e);
            return reject(parsed.origin(), story.id(), "could not make its cover: " + e);
        }
        for (Format format : options.formats()) {
            try {
                files.add(render(format, story, story.id() + "." + format.extension(), warnings, limit));
            }
            catch (DiskFailure e) {
                Exported.discard(files);
                // the disk, not the article: the run stops, on record
                throw new UncheckedIOException((IOException) e.getCause());
            }
            catch (Exception e) {
                // One article that breaks a renderer must not stop the night's run.
                Exported.discard(files);
                Optional<TimeLimitExceededException> late = TimeLimitExceededException.in(e);
                if (late.isPresent()) {
                    return reject(parsed.origin(), story.id(), overTime(late.get().limit()));
                }
                log.error("Rendering {} of {} ({}) failed", format.name(), parsed.origin(), story.id(), e);
                return reject(parsed.origin(), story.id(), "could not be rendered as " + format.name() + ": " + e);
            }
        }
        // Placed in this order: the covers last, so a cover is never in place without its
        // article's files (a file that cannot be placed stops the run there).
        List<RenderedFile> placing = new ArrayList<>(files.subList(2, files.size()));
        placing.addAll(files.subList(0, 2));
        Meta meta = story.meta();
        ArticleRecord article = new ArticleRecord(parsed.article().id(), story.id(), parsed.origin().toString(),
                meta.title(), meta.section(), meta.published() == null ? null : meta.published().w3cdtf(),
                meta.language(), meta.site(), meta.author(), ArticleRecord.summaryOf(story.intro()), false, hash);
        return new Exported(parsed.origin(), article, placing, warnings.list());
    }

    /**
     * Renders one format into the sink. The renderer writes through the time limit's
     * check ({@link TimeLimit#guard}), outside the sink's stream, which tells disk
     * failures apart: running out of time is not one.
     */
    private RenderedFile render(Format format, Story story, String fileName, Warnings warnings, TimeLimit limit)
            throws Exception {
        FileSink.Draft draft = start(fileName);
        try {
            format.renderer().render(story, limit.guard(draft.out()), warnings);
            refusedWrites(limit);
            return draft.finish();
        }
        catch (Exception | Error e) {
            // Out of memory, most likely, for an Error: the file goes with the article
            // all the same.
            Optional<IOException> disk = draft.discard();
            if (disk.isPresent() && e instanceof Exception) {
                throw new DiskFailure(disk.get());
            }
            throw e;
        }
    }

    /** A new file in the sink; a failure is the disk's. */
    private FileSink.Draft start(String fileName) throws DiskFailure {
        try {
            return sink.start(fileName);
        }
        catch (IOException e) {
            throw new DiskFailure(e);
        }
    }

    /**
     * The story's cover: the one in the output, when it was made from the same title,
     * words, picture and settings (an article whose text changed keeps its cover; drawing
     * one costs more than the rest of the article), else a new one.
     */
    private Cover cover(Story story) {
        String key = CoverMaker.key(story, options.renderFingerprint());
        if (!options.force()) {
            Optional<byte[]> full = sink.read(Cover.fileName(story.id()), COVER_BYTES);
            Optional<byte[]> thumbnail = full.isEmpty() ? Optional.empty()
                    : sink.read(Cover.thumbnailName(story.id()), COVER_BYTES);
            if (thumbnail.isPresent()) {
                Cover made = CoverMaker.made(full.get(), thumbnail.get(), key);
                if (made != null) {
                    return made;
                }
            }
        }
        return covers.story(story, key);
    }

    /** Writes finished bytes (a cover) into the sink. */
    private RenderedFile write(String fileName, byte[] bytes) throws DiskFailure {
        FileSink.Draft draft = start(fileName);
        try {
            draft.out().write(bytes);
            return draft.finish();
        }
        catch (IOException e) {
            throw new DiskFailure(draft.discard().orElse(e));
        }
    }

    /**
     * A renderer that swallowed a refused write has written an incomplete file: over time
     * all the same.
     */
    private static void refusedWrites(TimeLimit limit) {
        if (limit.tripped()) {
            throw new TimeLimitExceededException(limit.limit());
        }
    }

    private boolean filesExist(String stem) {
        return sink.has(Cover.fileName(stem)) && sink.has(Cover.thumbnailName(stem))
                && options.formats().stream().allMatch(f -> sink.has(stem + "." + f.extension()));
    }

    private Exported reject(Origin origin, String article, String reason) {
        log.warn("Rejected {}{}: {}", origin, article == null ? "" : " (" + article + ")", reason);
        rejections.accept(new Problem(Problem.Kind.REJECTED, origin.toString(), article, reason));
        return null;
    }

}
