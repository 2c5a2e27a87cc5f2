package dev.articleexporter.article;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for article input, and plain-words messages for its errors. */
public final class ArticleJson {

    /** Thread-safe once built. Unknown fields are ignored so feeds can carry extras. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ArticleJson() {
    }

    /** "line 3, column 14: Unexpected character ..." plus the JSON path when there is one. */
    public static String describe(JacksonException e) {
        StringBuilder message = new StringBuilder();
        TokenStreamLocation at = e.getLocation();
        if (at != null && at != TokenStreamLocation.NA && at.getLineNr() > 0) {
            message.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(": ");
        }
        String original = e.getOriginalMessage();
        // Jackson's first line is the useful part; the rest repeats source excerpts.
        message.append(original == null ? e.getClass().getSimpleName() : original.lines().findFirst().orElse(original));
        if (!e.getPath().isEmpty()) {
            message.append(" (at ").append(jsonPath(e)).append(')');
        }
        return message.toString();
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append('.').append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
