package dev.articleexporter.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * Streams the articles of one JSON file, one at a time, in memory bounded by the size of
 * one article ({@link Limits#ARTICLE_BYTES}) whatever the file holds. A
 * {@link JsonFramer} finds each element of the array without parsing it; one no larger
 * than the limit is parsed by Jackson, a larger one is rejected by name, unread. A bad
 * element of an array is reported alone and the next one is read; a syntax error ends the
 * file, since nothing after it can be trusted (the message says about how many articles
 * that left unread: {@link SyntaxErrors}). Only a regular file inside its folder is
 * opened ({@link InputFiles}).
 */
public final class ArticleFile implements AutoCloseable {

    private final Path path;

    private final String name;

    private final Share share;

    private final FileSkip skip;

    private JsonFramer framer;

    private Fingerprint fingerprint;

    private Path opened;

    private boolean started;

    private boolean array;

    private boolean afterElement;

    private boolean done;

    private int position;

    /**
     * @param name the file's name relative to the input folder, used in messages
     */
    public ArticleFile(Path path, String name) {
        this(path, name, Share.ALL);
    }

    /**
     * @param share which of the file's articles (and problems) to hand on; the others are
     * read past
     */
    public ArticleFile(Path path, String name, Share share) {
        this(path, name, share, FileSkip.NONE);
    }

    /**
     * @param skip told of every article read, whatever its share, and fingerprints the
     * bytes read when it is not {@link FileSkip#NONE}
     */
    public ArticleFile(Path path, String name, Share share, FileSkip skip) {
        this.path = path;
        this.name = name;
        this.share = share;
        this.skip = skip;
    }

    /**
     * What was read of the file, once {@link #next()} gave {@code null}: its size and
     * time when opened, the SHA-256 of its bytes (the rest is read to the end first).
     * @param fromStart {@code false} when a restart skipped into it: another process read
     * its first articles
     */
    public FileSkip.FileRead fileRead(boolean fromStart) {
        return fingerprint == null ? new FileSkip.FileRead(name, -1, -1, null, position, false)
                : fingerprint.finish(name, position, fromStart);
    }

    /**
     * Articles already taken from this file (read, rejected or left to another
     * partition); what a restart skips.
     */
    public int position() {
        return position;
    }

    /** Skips the first {@code count} articles (restart). */
    public void skip(int count) {
        while (position < count && !done) {
            if (next() == null) {
                break;
            }
        }
    }

    /**
     * The next article or problem this file's share holds, or {@code null} at the end of
     * the file.
     */
    public Input next() {
        Input next;
        do {
            next = nextOfAnyShare();
        }
        while (next == SOMEONE_ELSES);
        return next;
    }

    /**
     * A problem of the file itself (not of one article): reported by the partition that
     * owns the file's problems.
     */
    private Input fileProblem(Origin origin, String reason) {
        return share.ownsFileProblems(name) ? new Input.Rejected(origin, reason) : SOMEONE_ELSES;
    }

    /** Marks an element another partition takes. */
    private static final Input SOMEONE_ELSES = new Input.Rejected(Origin.wholeFile(""), "");

    private Input nextOfAnyShare() {
        if (done) {
            return null;
        }
        try {
            if (!started) {
                return start();
            }
            return array ? nextInArray() : end();
        }
        catch (IOException e) {
            done = true;
            return fileProblem(Origin.wholeFile(name), "cannot read the file (" + InputFiles.problem(e) + ")");
        }
    }

    private Input start() throws IOException {
        started = true;
        Path file = path.toAbsolutePath();
        InputFiles.Verdict verdict = InputFiles.check(file.getParent(), file);
        if (!verdict.readable()) {
            done = true;
            return fileProblem(Origin.wholeFile(name), verdict.reason() + "; not read");
        }
        opened = verdict.path();
        FileReads.opened(file);
        InputStream in = verdict.open();
        if (skip != FileSkip.NONE) {
            fingerprint = new Fingerprint(opened);
            in = fingerprint.watch(in);
        }
        framer = new JsonFramer(JsonSource.utf8(in), Limits.ARTICLE_BYTES);
        int first = framer.peek();
        if (first < 0) {
            done = true;
            return fileProblem(Origin.wholeFile(name), "the file is empty");
        }
        if (first == '[') {
            framer.take();
            array = true;
            return nextInArray();
        }
        if (first == '{') {
            Input single = element(Origin.wholeFile(name), framer.frame(true));
            position = 1;
            return single;
        }
        done = true;
        JsonFramer.Value value = framer.frame(true);
        String kind;
        try {
            kind = kind(value);
        }
        catch (JacksonException e) {
            return syntaxError(Origin.wholeFile(name), value.start, e);
        }
        return fileProblem(Origin.wholeFile(name), "expected an article object or an array of articles, found " + kind);
    }

    private Input nextInArray() throws IOException {
        int next = framer.peek();
        if (afterElement) {
            if (next == ',') {
                framer.take();
                next = framer.peek();
                if (next == ']') {
                    return syntaxError(origin(), framer.offset(), "a comma before ']': expected another article");
                }
            }
            else if (next == ']') {
                framer.take();
                return end();
            }
            else if (next >= 0) {
                return syntaxError(origin(), framer.offset(),
                        "expected ',' or ']' after an article, found " + ArticleJson.character(next));
            }
        }
        else if (next == ']') {
            framer.take();
            return end();
        }
        if (next < 0) {
            return syntaxError(origin(), framer.offset(),
                    "the file ends before the list of articles is closed with ']'");
        }
        if (next == ',' || next == ':' || next == '}' || next == ']') {
            return syntaxError(origin(), framer.offset(), "expected an article, found " + ArticleJson.character(next));
        }
        afterElement = true;
        JsonFramer.Value value = framer.frame(true);
        if (value.kept() && value.first != '{' && value.first != '[' && value.first != '"') {
            // A bare word: when it is no JSON value at all, the error is where the last
            // article ended, as Jackson has it.
            try {
                kind(value);
            }
            catch (JacksonException e) {
                return syntaxError(origin(), value.start, e);
            }
        }
        position++;
        return element(new Origin(name, position), value);
    }

    /** One framed article slot: an article, or why it is none. */
    private Input element(Origin origin, JsonFramer.Value value) throws IOException {
        if (!value.kept()) { // larger than an article may be: not parsed
            if (!value.complete) {
                return syntaxError(origin, framer.offset(), "the file ends inside " + ArticleJson.kind(value.first)
                        + " that is not closed (" + ArticleJson.megabytes(value.length) + " after its start)");
            }
            return fileProblem(origin,
                    value.first == '{'
                            ? "the article is " + ArticleJson.megabytes(value.length) + " of JSON, more than the "
                                    + ArticleJson.megabytes(Limits.ARTICLE_BYTES) + " an article may have; not read"
                            : "expected an article object, found " + kind(value));
        }
        if (value.first != '{') {
            String kind;
            try {
                kind = kind(value);
            }
            catch (JacksonException e) {
                return syntaxError(origin, value.start, e);
            }
            return fileProblem(origin, "expected an article object, found " + kind);
        }
        JsonNode tree;
        try {
            tree = ArticleJson.ARTICLE.readTree(value.bytes, value.offset, (int) value.length);
        }
        catch (StreamConstraintsException e) {
            // Over a limit of one article (its values, its nesting): this one is not
            // read, the next ones are.
            return fileProblem(origin, ArticleJson.limitExceeded(e) + "; not read");
        }
        catch (JacksonException e) {
            return syntaxError(origin, value.start, e);
        }
        // Cleaned and bound (or rejected as "not a valid article") only when needed: see
        // ArticleNode.
        ArticleNode article = new ArticleNode(tree);
        skip.read(name, path.getParent(), article);
        if (!share.ownsArticle(name, article)) {
            return SOMEONE_ELSES; // read past: not checked, cleaned or converted here
        }
        return new Input.Parsed(origin, path.getParent(), article, null);
    }

    /**
     * What a value that is not an object is ("a string", "a list"), checking its syntax
     * on the way; one too large to parse, or holding too many values, is named by its
     * first byte.
     */
    private static String kind(JsonFramer.Value value) {
        if (!value.kept()) {
            return ArticleJson.kind(value.first) + " (" + ArticleJson.megabytes(value.length) + ")";
        }
        try (JsonParser parser = ArticleJson.ARTICLE.createParser(value.bytes, value.offset, (int) value.length)) {
            JsonToken token = parser.nextToken();
            parser.skipChildren();
            parser.nextToken(); // reads past a string, so one that is not closed is found
            return token == null ? "nothing" : ArticleJson.kind(token);
        }
        catch (StreamConstraintsException e) {
            return ArticleJson.kind(value.first);
        }
    }

    /** After the root value only whitespace may follow. */
    private Input end() throws IOException {
        done = true;
        if (framer.peek() < 0) {
            return null;
        }
        return fileProblem(Origin.wholeFile(name), "unexpected content after the end of the JSON value at line "
                + SyntaxErrors.lineAndColumn(opened, framer.offset())[0] + "; it was ignored");
    }

    /** Jackson's error in a value that starts at {@code start}, placed in the file. */
    private Input syntaxError(Origin origin, long start, JacksonException e) throws IOException {
        return syntaxError(origin, SyntaxErrors.offset(start, e), ArticleJson.problem(e));
    }

    /**
     * A syntax error at {@code offset} of the file: the end of it, for every partition.
     */
    private Input syntaxError(Origin origin, long offset, String what) throws IOException {
        done = true;
        if (!share.ownsFileProblems(name)) {
            return SOMEONE_ELSES;
        }
        return new Input.Rejected(origin, SyntaxErrors.reason(opened, offset, what, array ? framer : null));
    }

    private Origin origin() {
        return array ? new Origin(name, Math.max(position, 1)) : Origin.wholeFile(name);
    }

    @Override
    public void close() {
        done = true;
        try {
            if (framer != null) {
                framer.close();
            }
        }
        catch (IOException e) {
            // nothing useful to do: the file was only read
        }
    }

}
