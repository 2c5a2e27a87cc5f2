package dev.articleexporter.delivery;

import dev.articleexporter.cover.CoverMaker;
import dev.articleexporter.job.DigestRemake;
import dev.articleexporter.model.Digest;
import dev.articleexporter.render.DigestWriter;
import dev.articleexporter.render.OutputFormats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A digest too large for a subscriber's mailbox, written again in parts, in order, each a
 * book of its own ("Nightly digest — 6 December 2026 (part 1 of 3)", with its own cover
 * and contents): a section may run on into the next part. The parts are written into a
 * folder of the caller's (a temporary one), never into the output folder.
 */
@Component
public class DigestSplit {

    private static final CoverMaker COVERS = new CoverMaker();

    private final DigestRemake remake;

    public DigestSplit(DigestRemake remake) {
        this.remake = remake;
    }

    /**
     * @param file the digest's file, over {@code maxSize} as mailed
     * @return the parts' files, each under {@code maxSize} as mailed
     * @throws Mails.TooLargeException when even one article a part is too large, or the
     * digest cannot be made again
     */
    List<Path> split(long runId, Path file, long maxSize, Path folder) throws IOException, Mails.TooLargeException {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String stem = name.substring(0, name.lastIndexOf('.'));
        OutputFormats.Format format = remake.format(extension)
            .orElseThrow(() -> new Mails.TooLargeException(name + " is over the size limit and cannot be split"));
        Digest digest = remake.remake(runId, stem)
            .orElseThrow(() -> new Mails.TooLargeException(
                    name + " is over the size limit and its articles can no longer be read to split it"));
        int articles = digest.articleCount();
        int parts = (int) Math.max(2, Math.ceil((double) Mails.sentSize(file) / maxSize));
        long largest = 0;
        while (parts <= articles) {
            List<Path> files = new ArrayList<>(parts);
            boolean fits = true;
            largest = 0;
            for (Digest part : parts(digest, parts)) {
                Path partFile = folder.resolve(format.fileName(part.fileStem()));
                write(part.withCover(COVERS.digest(part)), format, partFile);
                files.add(partFile);
                largest = Math.max(largest, Mails.sentSize(partFile) + Mails.OVERHEAD);
                fits &= Mails.sentSize(partFile) + Mails.OVERHEAD <= maxSize;
            }
            if (fits) {
                return files;
            }
            for (Path written : files) {
                Files.deleteIfExists(written);
            }
            parts++;
        }
        throw new Mails.TooLargeException(name + " is over the limit of " + Mails.megabytes(maxSize)
                + " even split into one article a part (the largest part is " + Mails.megabytes(largest)
                + " as mailed)");
    }

    /** The digest's articles in {@code count} parts of nearly equal numbers, in order. */
    static List<Digest> parts(Digest digest, int count) {
        List<Digest.Entry> entries = digest.sections().stream().flatMap(s -> s.articles().stream()).toList();
        List<Digest> parts = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            List<Digest.Entry> chunk = entries.subList(p * entries.size() / count, (p + 1) * entries.size() / count);
            Map<String, List<Digest.Entry>> sections = new LinkedHashMap<>();
            for (Digest.Entry e : chunk) {
                String section = digest.sections()
                    .stream()
                    .filter(s -> s.articles().contains(e))
                    .findFirst()
                    .orElseThrow()
                    .name();
                List<Digest.Entry> list = sections.computeIfAbsent(section, s -> new ArrayList<>());
                // numbered anew: the number names the article's pages in its book
                list.add(new Digest.Entry(sections.values().stream().mapToInt(List::size).sum() + 1, e.fileStem(),
                        e.title(), e.section(), e.language(), e::story));
            }
            List<Digest.Section> numbered = new ArrayList<>(sections.size());
            sections.forEach((name, list) -> numbered.add(new Digest.Section(numbered.size() + 1, name, list)));
            String of = " (part " + (p + 1) + " of " + count + ")";
            parts.add(new Digest(digest.fileStem() + "-part-" + (p + 1) + "-of-" + count, digest.title() + of,
                    digest.date(), digest.language(), numbered, 0, digest.limit()));
        }
        return parts;
    }

    private static void write(Digest part, OutputFormats.Format format, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            DigestWriter.writeAll(part, List.of(format.renderer().digestWriter(out)));
        }
    }

}
