package dev.articleexporter.web.opds;

import static dev.articleexporter.web.opds.OpdsController.page;

import dev.articleexporter.web.opds.Atom.Feed;
import jakarta.servlet.http.HttpServletRequest;
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

/**
 * The OPDS 2.0 catalog (JSON) at {@code /opds/v2}: the same feeds as the OPDS 1.2 one at
 * {@code /opds} ({@link OpdsController}), at the same paths below it, written by
 * {@link Opds2Writer}. Search takes OPDS 2's {@code query} parameter (and {@code q}, as
 * the 1.2 catalog's); there is no OpenSearch description.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/opds" + CatalogPaths.V2)
public class Opds2Controller {

    static final MediaType FEED = MediaType.parseMediaType(OpdsTypes.OPDS2 + ";charset=UTF-8");

    static final MediaType PUBLICATION = MediaType.parseMediaType(OpdsTypes.OPDS2_PUBLICATION + ";charset=UTF-8");

    private final OpdsCatalog catalog;

    public Opds2Controller(OpdsCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping({ "", "/" })
    public ResponseEntity<byte[]> root(HttpServletRequest request) {
        CatalogPaths paths = paths(request);
        return feed(catalog.root(paths), paths, Opds2Writer.ARTICLE_TYPE);
    }

    @GetMapping("/new")
    public ResponseEntity<byte[]> newest(@RequestParam(required = false) String page, HttpServletRequest request) {
        CatalogPaths paths = paths(request);
        return feed(catalog.newest(paths, page(page)), paths, Opds2Writer.ARTICLE_TYPE);
    }

    @GetMapping("/sections")
    public ResponseEntity<byte[]> sections(HttpServletRequest request) {
        CatalogPaths paths = paths(request);
        return feed(catalog.sections(paths), paths, Opds2Writer.ARTICLE_TYPE);
    }

    @GetMapping("/sections/{section}")
    public ResponseEntity<byte[]> section(@PathVariable String section, @RequestParam(required = false) String page,
            HttpServletRequest request) {
        return sectionFeed(Optional.of(section), page, request);
    }

    @GetMapping("/sections/" + CatalogPaths.ENCODED + "/{token}")
    public ResponseEntity<byte[]> encodedSection(@PathVariable String token,
            @RequestParam(required = false) String page, HttpServletRequest request) {
        return sectionFeed(CatalogPaths.decodeSection(token), page, request);
    }

    private ResponseEntity<byte[]> sectionFeed(Optional<String> name, String page, HttpServletRequest request) {
        long number = page(page);
        CatalogPaths paths = paths(request);
        return feed(
                name.flatMap(n -> catalog.section(paths, n, number))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such section")),
                paths, Opds2Writer.ARTICLE_TYPE);
    }

    @GetMapping("/digests")
    public ResponseEntity<byte[]> digests(@RequestParam(required = false) String page, HttpServletRequest request) {
        CatalogPaths paths = paths(request);
        return feed(catalog.digests(paths, page(page)), paths, Opds2Writer.DIGEST_TYPE);
    }

    @GetMapping("/search")
    public ResponseEntity<byte[]> search(@RequestParam(required = false) String query,
            @RequestParam(required = false) String q, @RequestParam(required = false) String page,
            HttpServletRequest request) {
        String words = query != null ? query : q;
        if (words == null || words.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the words to search for: ?query=...");
        }
        if (words.length() > OpdsController.MAX_QUERY_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the query is longer than " + OpdsController.MAX_QUERY_LENGTH + " characters");
        }
        CatalogPaths paths = paths(request);
        return feed(catalog.search(paths, words.strip(), page(page)), paths, Opds2Writer.ARTICLE_TYPE);
    }

    /** An article's publication on its own. */
    @GetMapping("/entries/{stem}")
    public ResponseEntity<byte[]> entry(@PathVariable String stem, HttpServletRequest request) {
        CatalogPaths paths = paths(request);
        return catalog.entry(paths, stem)
            .map(e -> ResponseEntity.ok().contentType(PUBLICATION).body(Opds2Writer.publication(e, paths)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such article"));
    }

    @ExceptionHandler(OpdsCatalog.NoSuchPage.class)
    public ResponseEntity<String> noSuchPage(OpdsCatalog.NoSuchPage e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    private static ResponseEntity<byte[]> feed(Feed feed, CatalogPaths paths, String publicationType) {
        return ResponseEntity.ok().contentType(FEED).body(Opds2Writer.feed(feed, paths, publicationType));
    }

    private static CatalogPaths paths(HttpServletRequest request) {
        return OpdsController.paths(request).opds2();
    }

}
