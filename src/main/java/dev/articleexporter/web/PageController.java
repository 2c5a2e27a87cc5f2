package dev.articleexporter.web;

import dev.articleexporter.delivery.DeliveryHistory;
import dev.articleexporter.history.DigestHistory;
import dev.articleexporter.history.Library;
import dev.articleexporter.history.Problem;
import dev.articleexporter.history.RunHistory;
import dev.articleexporter.history.RunProblems;
import dev.articleexporter.history.RunSummary;
import dev.articleexporter.job.RunSummaryFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The editors' page ({@code /}): the folder's articles with their downloads (filtered,
 * paged, newest first), the nightly editions, the runs with their rejected inputs, and
 * the run button. Rendered on the server, so it works without script; the script only
 * adds live progress.
 */
@Controller
@ConditionalOnWebApplication
public class PageController {

    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int RUNS_SHOWN = 10;
    static final int MAX_RUNS_SHOWN = 200;

    /**
     * Rejected inputs listed under each run on the page; the run's own page lists up to
     * {@link #RUN_PAGE_PROBLEMS}.
     */
    static final int REJECTIONS_SHOWN = 20;
    static final int RUN_PAGE_PROBLEMS = 1000;
    static final int EDITIONS_SHOWN = 10;

    /** A link to one file of an article or edition. */
    public record FileLink(String name, String label, String size) {
    }

    /**
     * An article's or edition's cover thumbnail: file name and its size in pixels, so the
     * page does not shift as it loads.
     */
    public record Thumbnail(String name, int width, int height) {
    }

    /**
     * @param thumbnail its cover's thumbnail, or {@code null} (exported before covers)
     */
    public record ArticleRow(String title, String section, String byline, String summary, String published,
            String publishedIso, String exported, String exportedIso, List<FileLink> files, Thumbnail thumbnail) {
    }

    public record EditionRow(String title, int articles, String created, String createdIso, List<FileLink> files,
            Thumbnail thumbnail) {
    }

    /**
     * A run as the page shows it.
     *
     * @param exitMessage how it ended beyond its counts
     * ({@link RunSummaryFormat#ending}), or {@code null}
     * @param rejections its first rejected inputs; {@code moreRejections} more are on the
     * run's own page
     */
    public record RunRow(long id, String status, String started, String startedIso, String duration, long read,
            long exported, long unchanged, long rejected, long warnings, String exitMessage, List<Problem> rejections,
            long moreRejections) {

        /** The CSS class of its status badge. */
        public String statusClass() {
            return "status-" + status.toLowerCase(Locale.ROOT);
        }
    }

    /** Links to the neighbouring pages, {@code null} at the ends. */
    public record Pager(int page, int pages, long total, int first, int last, String previous, String next) {
    }

    private final Library library;

    private final DigestHistory editions;

    private final RunHistory history;

    private final RunProblems problems;

    private final JobRepository repository;

    private final ServedFiles files;

    private final ServerStatus status;

    private final ServeSettings settings;

    private final Display display;

    private final DeliveryHistory deliveries;

    public PageController(Library library, DigestHistory editions, RunHistory history, RunProblems problems,
            JobRepository repository, ServedFiles files, ServerStatus status, ServeSettings settings,
            DeliveryHistory deliveries) {
        this.deliveries = deliveries;
        this.library = library;
        this.editions = editions;
        this.history = history;
        this.problems = problems;
        this.repository = repository;
        this.files = files;
        this.status = status;
        this.settings = settings;
        this.display = new Display(settings.zone());
    }

    @GetMapping("/")
    public String page(@RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) String section, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
            @RequestParam(defaultValue = "" + RUNS_SHOWN) int runs,
            @RequestParam(name = "run", required = false) String runRequest, Model model) {
        Library.Filter filter = new Library.Filter(text, section);
        size = Math.clamp(size, 10, MAX_PAGE_SIZE);
        long total = library.count(settings.output(), filter);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        page = Math.clamp(page, 1, pages);
        List<ArticleRow> articles = library.articles(settings.output(), filter, (page - 1) * size, size)
            .stream()
            .map(this::articleRow)
            .toList();

        model.addAttribute("folder", settings.output().toString());
        model.addAttribute("q", filter.text() == null ? "" : filter.text());
        model.addAttribute("section", filter.section() == null ? "" : filter.section());
        model.addAttribute("filtered", filter.text() != null || filter.section() != null);
        model.addAttribute("sections", library.sections(settings.output()));
        model.addAttribute("libraryTotal",
                filter.equals(Library.Filter.ALL) ? total : library.count(settings.output(), Library.Filter.ALL));
        model.addAttribute("articles", articles);
        model.addAttribute("pager", pager(filter, page, pages, total, size, articles.size()));
        model.addAttribute("editions",
                editions.list(settings.output(), 0, EDITIONS_SHOWN).stream().map(this::editionRow).toList());
        model.addAttribute("editionsTotal", editions.count(settings.output()));
        int runsShown = Math.clamp(runs, 1, MAX_RUNS_SHOWN);
        List<RunRow> runRows = history.recent(settings.output(), runsShown)
            .stream()
            .map(r -> runRow(r, REJECTIONS_SHOWN))
            .toList();
        model.addAttribute("runs", runRows);
        model.addAttribute("moreRuns", runRows.size() == runsShown && runsShown < MAX_RUNS_SHOWN
                ? link(Map.of("runs", Math.min(MAX_RUNS_SHOWN, runsShown * 5)), "runs") : null);
        model.addAttribute("status", status.now());
        model.addAttribute("notice", notice(runRequest));
        model.addAttribute("opdsUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/opds").build().toUriString());
        model.addAttribute("opds2Url",
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/opds/v2").build().toUriString());
        model.addAttribute("schedule", settings.schedule() ? settings.cron() : null);
        model.addAttribute("zone", settings.zone().getId());
        return "index";
    }

    /** One run of this folder with its rejected inputs and warnings. */
    @GetMapping("/runs/{id}")
    public String run(@PathVariable long id, Model model) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(id);
        }
        catch (EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null
                || !Objects.equals(settings.output().toString(), execution.getJobParameters().getString("output"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RunSummary summary = history.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("run", runRow(summary, 0));
        model.addAttribute("rejections", problems.of(id, Problem.Kind.REJECTED, RUN_PAGE_PROBLEMS));
        model.addAttribute("rejectionsTotal", problems.count(id, Problem.Kind.REJECTED));
        model.addAttribute("warnings", problems.of(id, Problem.Kind.WARNING, RUN_PAGE_PROBLEMS));
        model.addAttribute("warningsTotal", problems.count(id, Problem.Kind.WARNING));
        model.addAttribute("deliveries", deliveries.ofRun(id));
        model.addAttribute("folder", settings.output().toString());
        model.addAttribute("status", status.now());
        return "run";
    }

    private ArticleRow articleRow(Library.LibraryEntry entry) {
        String byline = entry.author() != null && entry.site() != null && !entry.author().equals(entry.site())
                ? entry.author() + " · " + entry.site() : Objects.requireNonNullElse(entry.creator(), "");
        return new ArticleRow(entry.title(), entry.section(), byline, entry.summary(),
                Display.published(entry.published()), entry.published(), display.time(entry.rendered()),
                Display.iso(entry.rendered()), links(entry.fileStem()), thumbnail(entry.fileStem()));
    }

    private EditionRow editionRow(DigestHistory.Recorded edition) {
        return new EditionRow(edition.title(), edition.articles(), display.time(edition.created()),
                Display.iso(edition.created()), links(edition.fileStem()), thumbnail(edition.fileStem()));
    }

    private Thumbnail thumbnail(String stem) {
        return files.thumbnail(stem).map(t -> new Thumbnail(t.name(), t.width(), t.height())).orElse(null);
    }

    private List<FileLink> links(String stem) {
        return files.filesOf(stem)
            .stream()
            .map(f -> new FileLink(f.name(), f.format().toUpperCase(Locale.ROOT), Display.size(f.size())))
            .toList();
    }

    private RunRow runRow(RunSummary run, int rejectionsShown) {
        List<Problem> rejections = rejectionsShown == 0 ? List.of()
                : problems.of(run.executionId(), Problem.Kind.REJECTED, rejectionsShown);
        long more = rejections.size() < rejectionsShown ? 0
                : problems.count(run.executionId(), Problem.Kind.REJECTED) - rejections.size();
        return new RunRow(run.executionId(), run.status(), display.time(run.start()), Display.iso(run.start()),
                RunSummaryFormat.duration(run.duration()), run.read(), run.exported(), run.unchanged(), run.rejected(),
                run.warnings(), RunSummaryFormat.ending(run), rejections, more);
    }

    private static Pager pager(Library.Filter filter, int page, int pages, long total, int size, int shown) {
        int first = total == 0 ? 0 : (page - 1) * size + 1;
        return new Pager(page, pages, total, first, first + shown - 1,
                page > 1 ? pageLink(filter, page - 1, size) : null,
                page < pages ? pageLink(filter, page + 1, size) : null);
    }

    private static String pageLink(Library.Filter filter, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", filter.text());
        parameters.put("section", filter.section());
        parameters.put("page", page > 1 ? page : null);
        parameters.put("size", size != PAGE_SIZE ? size : null);
        return link(parameters, "articles");
    }

    /**
     * A link to the page; values form-encoded as a browser's GET form would send them
     * ({@code +} as {@code %2B}).
     */
    static String link(Map<String, Object> parameters, String fragment) {
        StringBuilder link = new StringBuilder("/");
        char separator = '?';
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                link.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(String.valueOf(parameter.getValue()), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return link.append('#').append(fragment).toString();
    }

    private static String notice(String runRequest) {
        if (runRequest == null) {
            return null;
        }
        return switch (runRequest) {
            case "started" -> "Export started. Reload this page to follow its progress.";
            case "busy" -> "A run is already going; nothing new was started. Reload this page to follow its progress.";
            case "closing" -> "The server is shutting down; no run was started.";
            default -> null;
        };
    }

}
