package dev.articleexporter.job;

import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.InputStamps;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.input.InputFolder;
import dev.articleexporter.input.Origin;
import dev.articleexporter.pipeline.StampContent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.annotation.AfterStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * Writes the input files' stamps once a run's export step has completed (on the manager,
 * after every partition, local or remote): a file every partition read whole, with the
 * same bytes, every article of which was exported or found unchanged under its own name
 * (no suffix), nothing of which was rejected, is stamped as it was read; a stamped file
 * passed over with a new time but the same bytes gets the new time; a file read again
 * otherwise, or gone from the input, loses its stamp. A run that did not complete stamps
 * nothing, so a file is only ever passed over when all its articles were exported.
 */
@ExportListener
public class FileStamping {

    private static final Logger log = LoggerFactory.getLogger(FileStamping.class);

    /** A stamp's content column holds at most this many characters. */
    private static final int CONTENT_LIMIT = 1_000_000;

    private final InputStamps stamps;

    private final RunArticles articles;

    private final UnchangedInputs unchanged;

    private final OutputFolderStates folders;

    FileStamping(InputStamps stamps, RunArticles articles, UnchangedInputs unchanged, OutputFolderStates folders) {
        this.stamps = stamps;
        this.articles = articles;
        this.unchanged = unchanged;
        this.folders = folders;
    }

    @AfterStep
    public ExitStatus ended(StepExecution step) {
        if (!ExportJobConfig.STEP_NAME.equals(step.getStepName())) {
            return step.getExitStatus(); // a partition: the run's other partitions share
                                         // its stamps
        }
        unchanged.runEnded(step.getJobExecutionId());
        ExportSettings run = ExportSettings.fromJobParameters(step.getJobParameters());
        long jobInstanceId = step.getJobExecution().getJobInstanceId();
        boolean stamped = false;
        if (step.getStatus() == BatchStatus.COMPLETED) {
            try {
                stamp(run, jobInstanceId);
                stamped = true;
            }
            catch (RuntimeException e) {
                // Nothing stamped: the next run reads every file again, as before stamps.
                log.warn("Run {}: the input files' stamps could not be written; the next run reads them all",
                        step.getJobExecutionId(), e);
            }
        }
        folders.ended(run.output(), unchanged.settings(run), step.getExecutionContext(), stamped, jobInstanceId);
        return step.getExitStatus();
    }

    void stamp(ExportSettings run, long jobInstanceId) {
        Map<String, List<InputStamps.FileRead>> reads = stamps.reads(jobInstanceId)
            .stream()
            .collect(Collectors.groupingBy(InputStamps.FileRead::file, LinkedHashMap::new, Collectors.toList()));
        Set<String> present = new HashSet<>();
        InputFolder input = new InputFolder(run.input());
        for (Path file : input.jsonFiles()) {
            present.add(input.path().relativize(file).toString());
        }
        List<String> dropped = new ArrayList<>();
        Set<String> stamped = new HashSet<>(stamps.stamped(run.output()));
        for (String file : stamped) {
            if (!present.contains(file)) {
                dropped.add(file);
            }
        }
        Map<String, Long> touched = new HashMap<>();
        List<InputStamps.Stamp> written = new ArrayList<>();
        if (!reads.isEmpty()) {
            Set<String> rejected = new HashSet<>();
            stamps.rejectedOrigins(jobInstanceId).forEach(o -> rejected.add(Origin.parse(o).file()));
            Map<String, List<ArticleRecord>> recorded = articles.recordedInRun(jobInstanceId)
                .stream()
                .collect(Collectors.groupingBy(a -> Origin.parse(a.origin()).file()));
            String settings = unchanged.settings(run);
            reads.forEach((file, found) -> {
                List<InputStamps.FileRead> read = found.stream().filter(r -> r.slots() >= 0).toList();
                if (read.isEmpty()) {
                    touched.put(file, found.get(0).modified());
                    return;
                }
                InputStamps.Stamp stamp = rejected.contains(file) || read.size() != found.size() ? null
                        : stampOf(file, read, recorded.getOrDefault(file, List.of()), settings);
                if (stamp != null) {
                    written.add(stamp);
                }
                else if (stamped.contains(file)) {
                    dropped.add(file);
                }
            });
        }
        stamps.update(run.output(), jobInstanceId, written, touched, dropped);
        log.info("Input file stamps: {} written, {} touched, {} dropped", written.size(), touched.size(),
                dropped.size());
    }

    /**
     * The file's new stamp, when every partition read it whole, alike, and each of its
     * article slots was recorded under its own name; else {@code null}.
     */
    private static InputStamps.Stamp stampOf(String file, List<InputStamps.FileRead> read, List<ArticleRecord> recorded,
            String settings) {
        InputStamps.FileRead first = read.get(0);
        Set<Integer> partitions = new HashSet<>();
        Map<String, String[]> images = new LinkedHashMap<>();
        for (InputStamps.FileRead r : read) {
            if (r.sha256() == null || !r.sha256().equals(first.sha256()) || r.size() != first.size()
                    || r.modified() != first.modified() || r.slots() != first.slots()
                    || r.partitions() != first.partitions()) {
                return null;
            }
            partitions.add(r.partition());
            StampContent.fromJson(r.images()).images().forEach(i -> images.putIfAbsent(i[0], i));
        }
        if (partitions.size() != first.partitions() || recorded.size() != first.slots()) {
            return null;
        }
        List<StampContent.Article> list = new ArrayList<>();
        for (ArticleRecord article : recorded) {
            if (article.fileStem().contains("--")) {
                // a suffixed name depends on the files before: read it every run
                return null;
            }
            list.add(new StampContent.Article(Origin.parse(article.origin()).position(), article.fileStem(),
                    article.articleId()));
        }
        String content = new StampContent(list, List.copyOf(images.values())).toJson();
        return content.length() > CONTENT_LIMIT ? null : new InputStamps.Stamp(file, first.size(), first.modified(),
                first.sha256(), settings, first.slots(), content);
    }

}
