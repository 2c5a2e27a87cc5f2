package dev.articleexporter.web.opds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.util.UriUtils;

/**
 * The catalog's addresses, root-relative and prefixed with the server's context path, so
 * they resolve against whatever host and scheme the reader app used.
 *
 * <p>
 * Slide names can hold any character. Most become one percent-encoded path segment
 * ({@code /opds/sections/Travel%20%26%20Food}); names that servers and Spring Security's
 * default firewall refuse or rewrite once encoded ({@code /}, {@code \}, {@code %},
 * {@code ;}, control characters, {@code .}, {@code ..}) are sent as unpadded base64url
 * under {@code /opds/sections/encoded/}, a second segment no readable name can produce.
 */
record CatalogPaths(String contextPath, boolean v2) {

    static final String ENCODED = "encoded";

    /** Where the OPDS 2.0 catalog is, below the OPDS 1.2 one's root. */
    static final String V2 = "/v2";

    private static final Set<String> DOT_SEGMENTS = Set.of(".", "..");

    CatalogPaths {
        contextPath = contextPath == null ? "" : contextPath;
    }

    /** The OPDS 1.2 catalog's addresses. */
    CatalogPaths(String contextPath) {
        this(contextPath, false);
    }

    /** The same server's OPDS 2.0 catalog ({@code /opds/v2/...}, same paths below). */
    CatalogPaths opds2() {
        return new CatalogPaths(contextPath, true);
    }

    /** The same server's OPDS 1.2 catalog. */
    CatalogPaths opds1() {
        return new CatalogPaths(contextPath, false);
    }

    String root() {
        return contextPath + "/opds" + (v2 ? V2 : "");
    }

    /** Whether a root-relative address is one of this catalog's own documents. */
    boolean isCatalog(String href) {
        return href.equals(root()) || href.startsWith(root() + "/") || href.startsWith(root() + "?");
    }

    /** A path under {@code /opds}, e.g. {@code feed("/new")}. */
    String feed(String path) {
        return root() + path;
    }

    /** {@code path} with {@code ?page=N} when {@code page} is not the first. */
    String page(String path, long page) {
        return page <= 1 ? feed(path) : feed(path) + (path.contains("?") ? "&" : "?") + "page=" + page;
    }

    /**
     * The search feed's path for {@code query}: {@code ?q=} (OpenSearch's template), or
     * OPDS 2's {@code ?query=}.
     */
    String search(String query) {
        return "/search?" + (v2 ? "query=" : "q=") + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8);
    }

    /** The path of a section's feed below {@code /opds}. */
    static String section(String name) {
        if (readable(name)) {
            return "/sections/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
        }
        return "/sections/" + ENCODED + "/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a section name can be looked up from a URL: not blank (blank means "any
     * section") and whole in UTF-8, as every URL is (a lone surrogate is not).
     */
    static boolean linkable(String name) {
        return !name.isBlank() && StandardCharsets.UTF_8.newEncoder().canEncode(name);
    }

    /**
     * The section name of an {@code encoded} segment, or empty when it is not one this
     * class made.
     */
    static Optional<String> decodeSection(String token) {
        try {
            String name = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return readable(name) || name.isEmpty() ? Optional.empty() : Optional.of(name);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean readable(String name) {
        return !DOT_SEGMENTS.contains(name) && name.chars()
            .noneMatch(c -> c == '/' || c == '\\' || c == '%' || c == ';' || Character.isISOControl(c));
    }

    /** A file of the output folder, served by the download endpoint. */
    String file(String fileName) {
        return contextPath + "/files/" + UriUtils.encodePathSegment(fileName, StandardCharsets.UTF_8);
    }

    /** An article's complete catalog entry. */
    String entry(String fileStem) {
        return feed("/entries/" + UriUtils.encodePathSegment(fileStem, StandardCharsets.UTF_8));
    }
}
