package dev.articleexporter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /files/{name}}: the exported files and their covers, and nothing else
 * ({@link ServedFiles} decides). Conditional requests (ETag, Last-Modified: 304) and byte
 * ranges (206, 416) are Spring MVC's own handling of a {@link Resource} body; only
 * {@code If-Range} is added here.
 */
@RestController
@ConditionalOnWebApplication
public class FilesController {

    /**
     * How long a cover may be shown from a cache; a re-exported article's new cover shows
     * after at most this.
     */
    static final Duration IMAGE_MAX_AGE = Duration.ofHours(1);

    private final ServedFiles files;

    public FilesController(ServedFiles files) {
        this.files = files;
    }

    @GetMapping("/files/{name}")
    public ResponseEntity<Resource> file(@PathVariable String name, ServletWebRequest request) throws IOException {
        ServedFiles.ServedFile file = files.find(name)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // Files are replaced by renaming a new one into place, so size and time change
        // with the content.
        String etag = "\"" + Long.toHexString(file.size()) + "-" + Long.toHexString(file.lastModified().toEpochMilli())
                + "\"";
        long lastModified = file.lastModified().toEpochMilli();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.mediaType()));
        // filename*=UTF-8''... (RFC 5987/6266): names may hold any letter, not only ASCII
        // ones. A cover is shown where it is opened; a book is saved.
        headers.setContentDisposition((file.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(file.name(), StandardCharsets.UTF_8)
            .build());
        // Covers are shown in lists (the page, reader apps): kept a while rather than
        // asked for again on every view; private, as everything behind the password.
        // Books are revalidated each time.
        headers.setCacheControl(file.image() ? CacheControl.maxAge(IMAGE_MAX_AGE).cachePrivate()
                : CacheControl.noCache().cachePrivate());
        Resource resource = new FileSystemResource(file.path());
        String range = request.getHeader(HttpHeaders.RANGE);
        if (range != null && !ifRangeMatches(request.getHeader(HttpHeaders.IF_RANGE), etag, lastModified)) {
            wholeFile(request, headers, etag, lastModified, resource, file.size());
            return null;
        }
        return ResponseEntity.ok().headers(headers).eTag(etag).lastModified(lastModified).body(resource);
    }

    /**
     * RFC 9110 13.1.5: a Range with an If-Range naming another version of the file gets
     * the whole current file. Spring MVC answers every Range of a resource with a part,
     * so this one is written here.
     */
    private static void wholeFile(ServletWebRequest request, HttpHeaders headers, String etag, long lastModified,
            Resource resource, long size) throws IOException {
        if (request.checkNotModified(etag, lastModified)) {
            return;
        }
        HttpServletResponse response = request.getResponse();
        headers.forEach((header, values) -> values.forEach(value -> response.addHeader(header, value)));
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentLengthLong(size);
        if (!"HEAD".equals(request.getRequest().getMethod())) {
            try (InputStream in = resource.getInputStream(); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    /**
     * Only a strong validator matches: the same ETag, or exactly the Last-Modified date
     * (to the second).
     */
    static boolean ifRangeMatches(String ifRange, String etag, long lastModified) {
        if (ifRange == null || ifRange.isBlank()) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        if (value.startsWith("W/")) {
            return false;
        }
        try {
            Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return date.equals(Instant.ofEpochMilli(lastModified).truncatedTo(ChronoUnit.SECONDS));
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

}
