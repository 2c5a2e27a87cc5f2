package dev.articleexporter.web.opds;

import dev.articleexporter.web.opds.Atom.Feed;
import dev.articleexporter.web.opds.Atom.Link;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OPDS 1.2 catalog for reader apps (KOReader, Thorium, ...): point them at
 * {@code /opds}. The same catalog in OPDS 2.0 is {@link Opds2Controller}'s. Read only;
 * what is listed and linked comes from {@link OpdsCatalog}.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/opds")
public class OpdsController {

    static final MediaType NAVIGATION = utf8(OpdsTypes.NAVIGATION);
    static final MediaType ACQUISITION = utf8(OpdsTypes.ACQUISITION);
    static final MediaType ENTRY = utf8(OpdsTypes.ENTRY);
    static final MediaType OPENSEARCH = utf8(OpdsTypes.OPENSEARCH);

    /** Longer queries are refused rather than matched against every title. */
    static final int MAX_QUERY_LENGTH = 200;

    private final OpdsCatalog catalog;

    public OpdsController(OpdsCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping({ "", "/" })
    public ResponseEntity<byte[]> root(HttpServletRequest request) {
        return feed(catalog.root(paths(request)));
    }

    @GetMapping("/new")
    public ResponseEntity<byte[]> newest(@RequestParam(required = false) String page, HttpServletRequest request) {
        return feed(catalog.newest(paths(request), page(page)));
    }

    @GetMapping("/sections")
    public ResponseEntity<byte[]> sections(HttpServletRequest request) {
        return feed(catalog.sections(paths(request)));
    }

    @GetMapping("/sections/{section}")
    public ResponseEntity<byte[]> section(@PathVariable String section, @RequestParam(required = false) String page,
            HttpServletRequest request) {
        return sectionFeed(Optional.of(section), page, request);
    }

    /**
     * Sections whose names cannot travel as a plain path segment (see
     * {@link CatalogPaths}).
     */
    @GetMapping("/sections/" + CatalogPaths.ENCODED + "/{token}")
    public ResponseEntity<byte[]> encodedSection(@PathVariable String token,
            @RequestParam(required = false) String page, HttpServletRequest request) {
        return sectionFeed(CatalogPaths.decodeSection(token), page, request);
    }

    private ResponseEntity<byte[]> sectionFeed(Optional<String> name, String page, HttpServletRequest request) {
        long number = page(page);
        return feed(name.flatMap(n -> catalog.section(paths(request), n, number))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such section")));
    }

    @GetMapping("/digests")
    public ResponseEntity<byte[]> digests(@RequestParam(required = false) String page, HttpServletRequest request) {
        return feed(catalog.digests(paths(request), page(page)));
    }

    @GetMapping("/search")
    public ResponseEntity<byte[]> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String page, HttpServletRequest request) {
        if (q == null || q.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the words to search for: ?q=...");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        return feed(catalog.search(paths(request), q.strip(), page(page)));
    }

    @GetMapping("/opensearch.xml")
    public ResponseEntity<byte[]> openSearch(HttpServletRequest request) {
        // The template must be absolute for some clients: built from the request (see
        // docs/operations.md, "OPDS catalog and e-readers", behind a proxy).
        String searchUrl = ServletUriComponentsBuilder.fromContextPath(request)
            .path("/opds/search")
            .build()
            .toUriString();
        return ResponseEntity.ok().contentType(OPENSEARCH).body(OpenSearchDescription.write(searchUrl));
    }

    /** An article's complete catalog entry. */
    @GetMapping("/entries/{stem}")
    public ResponseEntity<byte[]> entry(@PathVariable String stem, HttpServletRequest request) {
        CatalogPaths paths = paths(request);
        return catalog.entry(paths, stem)
            .map(e -> ResponseEntity.ok()
                .contentType(ENTRY)
                .body(AtomWriter.entryDocument(e, List.of(Link.of("self", paths.entry(stem), OpdsTypes.ENTRY)))))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such article"));
    }

    @ExceptionHandler(OpdsCatalog.NoSuchPage.class)
    public ResponseEntity<String> noSuchPage(OpdsCatalog.NoSuchPage e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    private static ResponseEntity<byte[]> feed(Feed feed) {
        return ResponseEntity.ok()
            .contentType(feed.type().equals(OpdsTypes.NAVIGATION) ? NAVIGATION : ACQUISITION)
            .body(AtomWriter.feed(feed));
    }

    static CatalogPaths paths(HttpServletRequest request) {
        return new CatalogPaths(request.getContextPath());
    }

    /** 1 when absent; a positive whole number otherwise, else 400. */
    static long page(String page) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        long number;
        try {
            number = Long.parseLong(page);
        }
        catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be a whole number from 1, not \"" + page + "\"");
        }
        return number;
    }

    private static MediaType utf8(String type) {
        return MediaType.parseMediaType(type + ";charset=UTF-8");
    }

}
