package dev.articleexporter.article;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
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
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && mismatch.getCurrentToken() != null) {
            message.append("expected ").append(kind(mismatch.getTargetType())).append(", found ").append(kind(mismatch.getCurrentToken()));
        } else {
            String original = e.getOriginalMessage();
            // Jackson's first line is the useful part; the rest repeats source excerpts or says the source is hidden.
            String first = original == null ? e.getClass().getSimpleName() : original.lines().findFirst().orElse(original);
            message.append(SOURCE_NOTE.matcher(first).replaceAll(""));
        }
        if (!e.getPath().isEmpty()) {
            message.append(" (at ").append(jsonPath(e)).append(')');
        }
        return message.toString();
    }

    /** "(for Array starting at [Source: REDACTED (...); byte offset: #UNKNOWN])": noise for a reader. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(for \\w+ starting at \\[Source: [^\\]]*\\]\\)");

    private static String kind(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    /** What a JSON token is, in the words of our messages ("a string", "a list", ...). */
    static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
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
