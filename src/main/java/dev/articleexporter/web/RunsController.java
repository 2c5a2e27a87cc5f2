package dev.articleexporter.web;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Run export now" and the progress the page polls. The POST is a state change: Spring
 * Security requires its CSRF token (the page's form carries it; the page's script sends
 * it as a header).
 */
@RestController
@ConditionalOnWebApplication
public class RunsController {

    /**
     * The answer to "Run export now" for scripts.
     *
     * @param start STARTED, BUSY (a run is going; nothing was queued) or CLOSING (the
     * server is shutting down)
     * @param status the server's state after the request
     */
    public record RunRequest(ExportRuns.Start start, ServerStatus.Status status) {
    }

    private final ExportRuns runs;

    private final ServerStatus status;

    public RunsController(ExportRuns runs, ServerStatus status) {
        this.runs = runs;
        this.status = status;
    }

    /**
     * From the page's script: 202 when a run started, 409 when one is going, 503 while
     * shutting down.
     */
    @PostMapping(path = "/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunRequest> runNowForScript() {
        ExportRuns.Start start = runs.request(ExportRuns.Trigger.BUTTON);
        HttpStatus code = switch (start) {
            case STARTED -> HttpStatus.ACCEPTED;
            case BUSY -> HttpStatus.CONFLICT;
            case CLOSING -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return ResponseEntity.status(code).body(new RunRequest(start, status.now()));
    }

    /**
     * From the plain form (no script): back to the page, which says what happened (303:
     * the browser GETs it).
     */
    @PostMapping("/runs")
    public ResponseEntity<Void> runNow() {
        ExportRuns.Start start = runs.request(ExportRuns.Trigger.BUTTON);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
            .location(URI.create("/?run=" + start.name().toLowerCase(java.util.Locale.ROOT) + "#status"))
            .build();
    }

    @GetMapping(path = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ServerStatus.Status> status() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status.now());
    }

}
