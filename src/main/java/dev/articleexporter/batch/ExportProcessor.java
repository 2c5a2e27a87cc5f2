package dev.articleexporter.batch;

import dev.articleexporter.article.Input;
import dev.articleexporter.article.Origin;
import dev.articleexporter.batch.Exported.RenderedFile;
import dev.articleexporter.digest.Digest;
import dev.articleexporter.digest.DigestMaker;
import dev.articleexporter.digest.InvalidArticleException;
import dev.articleexporter.digest.Meta;
import dev.articleexporter.digest.Warnings;
import dev.articleexporter.render.OutputFormats.Format;
import dev.articleexporter.runs.ExportedArticle;
import dev.articleexporter.runs.Problem;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Digests an article and renders it in every selected format, in memory; the writer puts the
 * files in place. Inputs that cannot be exported are recorded as rejected and filtered out
 * (returning {@code null}), so the step's filter count is the run's rejected count.
 */
public class ExportProcessor implements ItemProcessor<Input, Exported> {

    private static final Logger log = LoggerFactory.getLogger(ExportProcessor.class);

    private final ExportSettings settings;
    private final List<Format> formats;
    private final DigestMaker digests;
    private final Consumer<Problem> rejections;
    private final Function<String, Optional<ExportedArticle>> lastExport;
    private final String renderFingerprint;

    /**
     * @param rejections        where rejected inputs are recorded (the run's problem table, or a list when only validating)
     * @param lastExport        the latest record of an output name, to skip unchanged articles
     * @param renderFingerprint what besides the content decides the output ({@code RenderSettings})
     */
    public ExportProcessor(ExportSettings settings, List<Format> formats, DigestMaker digests, Consumer<Problem> rejections,
                           Function<String, Optional<ExportedArticle>> lastExport, String renderFingerprint) {
        this.settings = settings;
        this.formats = List.copyOf(formats);
        this.digests = digests;
        this.rejections = rejections;
        this.lastExport = lastExport;
        this.renderFingerprint = renderFingerprint;
    }

    @Override
    public Exported process(Input input) {
        return switch (input) {
            case Input.Rejected bad -> reject(bad.origin(), bad.article(), bad.reason());
            case Input.Parsed parsed -> export(parsed);
        };
    }

    private Exported export(Input.Parsed parsed) {
        String hash = parsed.stem() == null ? null : ContentHash.of(parsed, renderFingerprint, settings.related().name());
        if (hash != null && !settings.force()) {
            Optional<ExportedArticle> last = lastExport.apply(parsed.stem());
            if (last.isPresent() && hash.equals(last.get().contentHash()) && filesExist(parsed.stem())) {
                return Exported.unchanged(parsed.origin(), last.get().asUnchanged(parsed.origin().toString()));
            }
        }
        String name = displayName(parsed);
        Warnings warnings = new Warnings();
        parsed.warnings().forEach(warnings::add);
        Digest digest;
        try {
            digest = digests.make(parsed.article(), parsed.folder(), parsed.stem(), settings.related(), warnings);
        } catch (InvalidArticleException e) {
            return reject(parsed.origin(), name, e.getMessage());
        }
        List<RenderedFile> files = new ArrayList<>(formats.size());
        for (Format format : formats) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try {
                format.renderer().render(digest, out, warnings);
            } catch (Exception e) {
                // One article that breaks a renderer must not stop the night's run.
                log.error("Rendering {} of {} ({}) failed", format.name(), parsed.origin(), digest.id(), e);
                return reject(parsed.origin(), digest.id(), "could not be rendered as " + format.name() + ": " + e);
            }
            files.add(new RenderedFile(digest.id() + "." + format.extension(), out.toByteArray()));
        }
        Meta meta = digest.meta();
        ExportedArticle article = new ExportedArticle(parsed.article().id(), digest.id(), parsed.origin().toString(),
                meta.title(), meta.section(), meta.published() == null ? null : meta.published().w3cdtf(), meta.language(),
                false, hash);
        return new Exported(parsed.origin(), article, files, warnings.list());
    }

    private boolean filesExist(String stem) {
        return formats.stream().allMatch(f -> Files.isRegularFile(settings.output().resolve(stem + "." + f.extension())));
    }

    /** The id, else the title, cut short: a 400-character id should not flood the summary. */
    private static String displayName(Input.Parsed parsed) {
        String id = parsed.article().id();
        String name = id != null && !id.isBlank() ? id.strip() : parsed.article().title();
        return name == null || name.length() <= 80 ? name : name.substring(0, 79) + "…";
    }

    private Exported reject(Origin origin, String article, String reason) {
        log.warn("Rejected {}{}: {}", origin, article == null ? "" : " (" + article + ")", reason);
        rejections.accept(new Problem(Problem.Kind.REJECTED, origin.toString(), article, reason));
        return null;
    }
}
