package dev.articleexporter.pipeline;

import dev.articleexporter.history.ArticleRecord;
import dev.articleexporter.history.InputStamps;
import dev.articleexporter.history.RunArticles;
import dev.articleexporter.input.ArticleNode;
import dev.articleexporter.input.FileSkip;
import dev.articleexporter.input.Origin;
import dev.articleexporter.model.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One partition's file-level skip: an input file is passed over unread when its stamp
 * (the last complete export's) was made with this run's settings, the file has the same
 * size and time (or, touched, the same SHA-256), its images the same stamps, every file
 * of its articles is in the output folder, and no article read earlier in this run takes
 * one of its output names. Every partition decides alike, since each reads every article
 * of the files it reads. What it finds in the files it reads is recorded with each chunk,
 * for the stamps written once the run has completed. Not thread-safe: one per partition.
 */
public final class UnchangedFiles implements FileSkip {

    /** Where a partition records, and which run and partition it is. */
    public record Run(InputStamps stamps, RunArticles articles, long jobInstanceId, long jobExecutionId, int partition,
            int partitions) {
    }

    private final RunStamps stamps;

    private final boolean force;

    private final Run run;

    private final Map<String, Integer> decided = new HashMap<>();

    private final Set<String> spoiled = new HashSet<>();

    private final Set<String> skipped = new HashSet<>();

    private final List<InputStamps.FileRead> found = new ArrayList<>();

    private final Map<String, String[]> images = new LinkedHashMap<>();

    /**
     * @param force read every file (its stamp is written all the same)
     */
    public UnchangedFiles(RunStamps stamps, boolean force, Run run) {
        this.stamps = stamps;
        this.force = force;
        this.run = run;
    }

    @Override
    public int unchanged(String name, Path file) {
        return decided.computeIfAbsent(name, n -> decide(n, file));
    }

    private int decide(String name, Path file) {
        InputStamps.Stamp stamp = force || spoiled.contains(name) ? null : stamps.stamp(name);
        if (stamp == null) {
            return -1;
        }
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!now.isRegularFile() || now.size() != stamp.size()) {
                return -1;
            }
            long modified = now.lastModifiedTime().toMillis();
            boolean touched = modified != stamp.modified();
            if (touched && !stamps.sha256(file, now.size(), modified).equals(stamp.sha256())) {
                return -1;
            }
            StampContent content = stamps.content(stamp);
            Path folder = file.getParent();
            for (String[] image : content.images()) {
                if (!stamps.imageStamp(folder, image[0]).equals(image[1])) {
                    return -1;
                }
            }
            if (!stamps.hasOutputs(stamp)) {
                return -1;
            }
            if (touched) {
                found.add(new InputStamps.FileRead(name, now.size(), modified, stamp.sha256(), -1, null,
                        run.partition(), run.partitions()));
            }
        }
        catch (IOException e) {
            return -1; // read, and its problem reported as ever
        }
        skipped.add(name);
        return stamp.articles();
    }

    @Override
    public void read(String name, Path folder, ArticleNode article) {
        for (String[] image : ContentHash.images(folder, article.tree())) {
            images.putIfAbsent(image[0], image);
        }
        String id = article.id() == null || article.id().isBlank() ? null : article.id().strip();
        String stem = FileNames.stem(id, article.title());
        if (stem != null && !stamps.isEmpty()) {
            spoil(stem, name);
        }
    }

    /**
     * An article read from {@code file} may take {@code name}: a later file stamped with
     * that name must be read, to be named as an unpartitioned run would.
     */
    private void spoil(String name, String file) {
        RunStamps.Owner owner = stamps.owner(name);
        if (owner != null && !owner.file().equals(file) && !decided.containsKey(owner.file())) {
            spoiled.add(owner.file());
        }
    }

    @Override
    public void finished(FileRead file) {
        found.add(new InputStamps.FileRead(file.name(), file.size(), file.modified(),
                file.whole() ? file.sha256() : null, file.slots(),
                StampContent.imagesJson(List.copyOf(images.values())), run.partition(), run.partitions()));
        images.clear();
    }

    @Override
    public Names names() {
        return name -> {
            RunStamps.Owner owner = stamps.owner(name);
            if (owner == null || !skipped.contains(owner.file())) {
                return Optional.empty();
            }
            int position = owner.article().position();
            return Optional.of(new Held(owner.article().id(), new Origin(owner.file(), position).toString()));
        };
    }

    @Override
    public void resume() {
        for (String[] range : run.articles().skipped(run.jobInstanceId())) {
            for (String file : stamps.between(range[0], range[1])) {
                decided.put(file, 0);
                skipped.add(file);
            }
        }
        for (ArticleRecord article : run.articles().recordedInRun(run.jobInstanceId())) {
            spoil(article.fileStem(), Origin.parse(article.origin()).file());
        }
    }

    @Override
    public void save() {
        if (!found.isEmpty()) {
            run.stamps().recordReads(run.jobInstanceId(), run.jobExecutionId(), List.copyOf(found));
            found.clear();
        }
    }

}
