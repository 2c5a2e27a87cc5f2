package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsTypes.ENTRY;
import static dev.articleexporter.web.opds.OpdsTypes.REL_ACQUISITION;
import static dev.articleexporter.web.opds.OpdsTypes.REL_IMAGE;
import static dev.articleexporter.web.opds.OpdsTypes.REL_THUMBNAIL;

import dev.articleexporter.history.DigestHistory.Recorded;
import dev.articleexporter.history.Library.LibraryEntry;
import dev.articleexporter.model.BookIdentifier;
import dev.articleexporter.model.Cover;
import dev.articleexporter.render.OutputFormats;
import dev.articleexporter.web.CoverFiles;
import dev.articleexporter.web.opds.Atom.Entry;
import dev.articleexporter.web.opds.Atom.Link;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The acquisition entries of {@link OpdsCatalog}: an article or a nightly digest with a
 * link to each of its files that is in the output folder, and to its cover and thumbnail
 * when they are there. Kept apart from the feeds because only this part looks at the
 * folder's files.
 */
final class CatalogEntries {

    /**
     * What {@code FileNames} makes; anything else in the database is not linked to a
     * file.
     */
    private static final Pattern SAFE_STEM = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]*");

    private final Path folder;

    private final OutputFormats formats;

    /**
     * @param folder the output folder, absolute and normalized
     * @param formats every output format: an entry offers each one's file that is in the
     * folder
     */
    CatalogEntries(Path folder, OutputFormats formats) {
        this.folder = folder;
        this.formats = formats;
    }

    /**
     * An article with its formats, or empty when none of its files is in the folder any
     * more.
     */
    Optional<Entry> article(CatalogPaths paths, LibraryEntry a) {
        List<Link> files = acquisitions(paths, a.fileStem());
        if (files.isEmpty()) {
            return Optional.empty();
        }
        // Atom wants an alternate link (or content) in every entry: the entry's own
        // document.
        List<Link> links = Stream
            .of(List.of(new Link("alternate", paths.entry(a.fileStem()), ENTRY, "Catalog entry", null, null)), files,
                    images(paths, a.fileStem()))
            .flatMap(List::stream)
            .toList();
        return Optional.of(new Entry(BookIdentifier.article(a.fileStem()), a.title(),
                Objects.requireNonNullElseGet(a.rendered(), Instant::now), a.creator(), a.language(), a.published(),
                a.site(), a.section(), a.summary(), null, links));
    }

    /**
     * A nightly digest with its formats, or empty when none of its files is in the
     * folder.
     */
    Optional<Entry> digest(CatalogPaths paths, Recorded e) {
        List<Link> files = acquisitions(paths, e.fileStem());
        if (files.isEmpty()) {
            return Optional.empty();
        }
        // No summary to offer: a one-line description is the entry's content (Atom
        // wants content or an alternate link).
        return Optional.of(new Entry(BookIdentifier.digest(e.fileStem()), e.title(),
                Objects.requireNonNullElseGet(e.created(), Instant::now), null, null, null, OpdsCatalog.PUBLISHER, null,
                null, "A digest of " + OpdsCatalog.count(e.articles(), "article") + ".",
                Stream.concat(files.stream(), images(paths, e.fileStem()).stream()).toList()));
    }

    /**
     * Links to the files of an article or digest, one per output format whose file is in
     * the folder, by format name.
     */
    private List<Link> acquisitions(CatalogPaths paths, String stem) {
        List<Link> links = new ArrayList<>();
        if (stem == null || !SAFE_STEM.matcher(stem).matches()) {
            return links;
        }
        for (OutputFormats.Format format : formats.all()) {
            addIfPresent(links, paths, format.fileName(stem), format.mediaType(), format.label());
        }
        return links;
    }

    /**
     * The cover and thumbnail links of an article or digest whose files are there (one
     * exported before covers existed has none), with their sizes in pixels for OPDS 2.
     */
    private List<Link> images(CatalogPaths paths, String stem) {
        List<Link> links = new ArrayList<>();
        for (CoverFiles.Kind kind : CoverFiles.Kind.values()) {
            CoverFiles.find(folder, stem, kind)
                .ifPresent(i -> links.add(new Link(kind == CoverFiles.Kind.COVER ? REL_IMAGE : REL_THUMBNAIL,
                        paths.file(i.name()), Cover.MEDIA_TYPE, null, i.size(), null, i.width(), i.height())));
        }
        return links;
    }

    private void addIfPresent(List<Link> links, CatalogPaths paths, String fileName, String type, String title) {
        Path file = folder.resolve(fileName);
        if (Files.isRegularFile(file)) {
            Long length;
            try {
                length = Files.size(file);
            }
            catch (IOException e) {
                // removed in between: still linked, the download says what happened
                length = null;
            }
            links.add(new Link(REL_ACQUISITION, paths.file(fileName), type, title, length, null));
        }
    }

}
