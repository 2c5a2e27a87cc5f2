package dev.articleexporter.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for article input, and plain-words messages for its
 * errors.
 */
public final class ArticleJson {

    /**
     * Thread-safe once built. Unknown fields are ignored so feeds can carry extras. Its
     * read limits follow the article limit ({@link Limits#ARTICLE_BYTES}): no text can be
     * longer than an article may be, and nesting is bounded; whole documents are not
     * limited, so a file of many articles can still be read with it in one go (tests,
     * tools).
     */
    public static final JsonMapper MAPPER = JsonMapper
        .builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Limits.ARTICLE_BYTES)
                .maxNestingDepth(Limits.NESTING)
                .build())
            .build())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    /**
     * What parses one article as the reader found it: {@link #MAPPER}'s limits, plus
     * those of one article as a whole (its size, and how many values it holds, which
     * bounds the tree built of it).
     */
    static final JsonMapper ARTICLE = JsonMapper
        .builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Limits.ARTICLE_BYTES)
                .maxNestingDepth(Limits.NESTING)
                .maxDocumentLength(Limits.ARTICLE_BYTES)
                .maxTokenCount(Limits.VALUES)
                .build())
            .build())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private ArticleJson() {
    }

    /**
     * "line 3, column 14: unexpected character ..." plus the JSON path when there is one.
     */
    public static String describe(JacksonException e) {
        StringBuilder message = new StringBuilder();
        TokenStreamLocation at = e.getLocation();
        if (at != null && at != TokenStreamLocation.NA && at.getLineNr() > 0) {
            message.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(": ");
        }
        return message.append(problem(e)).toString();
    }

    /**
     * What went wrong, without where: Jackson's message in plain words. Nothing read from
     * the input is repeated (a token, a field name, a number), except a single
     * punctuation character such as {@code '}'}: the input may be something that was
     * never meant to be shown (a file a link led to, a key).
     */
    static String problem(JacksonException e) {
        StringBuilder message = new StringBuilder();
        if (e instanceof StreamConstraintsException limit) {
            message.append(limitExceeded(limit));
        }
        else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getCurrentToken() != null) {
            message.append("expected ")
                .append(kind(mismatch.getTargetType()))
                .append(", found ")
                .append(kind(mismatch.getCurrentToken()));
        }
        else {
            String original = e.getOriginalMessage();
            // Jackson's first line is the useful part; the rest repeats source excerpts
            // or says the source is hidden.
            String first = original == null ? "unreadable input" : original.lines().findFirst().orElse(original);
            message.append(withoutInput(SOURCE_NOTE.matcher(first).replaceAll("")));
        }
        if (!e.getPath().isEmpty()) {
            message.append(" (at ").append(jsonPath(e)).append(')');
        }
        return message.toString();
    }

    /**
     * "(for Array starting at [Source: REDACTED (...); byte offset: #UNKNOWN])": noise
     * for a reader.
     */
    private static final Pattern SOURCE_NOTE = Pattern
        .compile("\\s*\\((?:for \\w+ starting at|start marker at) \\[Source: [^\\]]*\\]\\)");

    /**
     * "('x' (code 120))" and "(CTRL-CHAR, code 10)": Jackson's way of naming the
     * character it stopped at.
     */
    private static final Pattern CHARACTER = Pattern
        .compile("\\s*\\(\\s*'(.+?)' \\(code (\\d+)\\)\\s*\\)|\\s*'(.+?)' \\(code (\\d+)\\)");

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"|`([^`]*)`");

    /**
     * Jackson's parse messages name what they stopped at: "Unrecognized token 'hunter2'",
     * "Unexpected character ('h' (code 104))". Keeps the kind of error and Jackson's own
     * words, drops the input.
     */
    static String withoutInput(String message) {
        if (message.startsWith("Unrecognized token")) {
            return "a word that is not a JSON value (text needs double quotes; the literals are true, false and null)";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN or Infinity, which JSON numbers cannot be";
        }
        if (message.startsWith("Unexpected end-of-input in VALUE_STRING")) {
            return "the input ends inside a text (a closing double quote is missing)";
        }
        Matcher character = CHARACTER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (character.find()) {
            int code = Integer.parseInt(character.group(2) != null ? character.group(2) : character.group(4));
            String replacement = punctuation(code) ? " '" + (char) code + "'"
                    : code < 0x20 ? " (a control character, code " + code + ")" : "";
            character.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        character.appendTail(out);
        // Whatever else is quoted came from the input too, but for Jackson's own words
        // ('null') and punctuation.
        Matcher quoted = QUOTED.matcher(out.toString());
        StringBuilder safe = new StringBuilder();
        while (quoted.find()) {
            String inner = quoted.group(1) != null ? quoted.group(1)
                    : quoted.group(2) != null ? quoted.group(2) : quoted.group(3);
            boolean keep = quoted.group(3) == null && (inner.equals("null") || inner.equals("true")
                    || inner.equals("false") || inner.length() == 1 && punctuation(inner.charAt(0)));
            quoted.appendReplacement(safe,
                    Matcher.quoteReplacement(keep ? quoted.group() : quoted.group(3) != null ? "an option" : "…"));
        }
        quoted.appendTail(safe);
        return safe.toString().replace(" :", ":").replace("  ", " ");
    }

    private static boolean punctuation(int c) {
        return c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    /**
     * A limit of {@link #ARTICLE} that one article went over, in words (without "not
     * read").
     */
    static String limitExceeded(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Token count")) {
            return String.format(Locale.ROOT,
                    "the article holds more than %,d JSON values (texts, numbers, lists, ...)", Limits.VALUES);
        }
        if (message.startsWith("Document nesting depth")) {
            return String.format(Locale.ROOT, "the article is nested more than %,d levels deep", Limits.NESTING);
        }
        if (message.startsWith("Number value length")) {
            return String.format(Locale.ROOT, "a number in the article has more than %,d digits",
                    StreamReadConstraints.DEFAULT_MAX_NUM_LEN);
        }
        if (message.startsWith("String value length")) {
            return "a text in the article is longer than " + megabytes(Limits.ARTICLE_BYTES);
        }
        if (message.startsWith("Name length")) {
            return String.format(Locale.ROOT, "a field name in the article is longer than %,d characters",
                    StreamReadConstraints.DEFAULT_MAX_NAME_LEN);
        }
        if (message.startsWith("Document length")) {
            return "the article is more than " + megabytes(Limits.ARTICLE_BYTES) + " of JSON";
        }
        return "the article goes over a limit of the JSON reader";
    }

    /**
     * A size for messages: "8 MB", "95.4 MB" (MB of 1,048,576 bytes); in bytes where that
     * would read like the limit.
     */
    static String megabytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
        }
        String shown = String.format(Locale.ROOT, "%,.1f MB", bytes / (1024.0 * 1024.0));
        String limit = String.format(Locale.ROOT, "%,.1f MB", Limits.ARTICLE_BYTES / (1024.0 * 1024.0));
        return shown.equals(limit) ? String.format(Locale.ROOT, "%,d bytes", bytes) : shown;
    }

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

    /** What a value is, from its first byte only (for one too large to parse). */
    static String kind(int firstByte) {
        return switch (firstByte) {
            case '"' -> "a string";
            case '[' -> "a list";
            case '{' -> "an object";
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> "a number";
            default -> "something that is not JSON";
        };
    }

    /**
     * A byte met where it does not belong, for messages: "'}'" for punctuation, else only
     * what kind of thing it is.
     */
    static String character(int b) {
        if (punctuation(b)) {
            return "'" + (char) b + "'";
        }
        if (b < 0x20) {
            return "a control character (code " + b + ")";
        }
        if (b < 0x80 && Character.isDigit(b)) {
            return "a number";
        }
        return b < 0x80 && Character.isLetter(b) ? "a word" : "other text";
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append('.').append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

}
