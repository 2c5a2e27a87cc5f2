package dev.articleexporter.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Streams the articles of one JSON file, one at a time, so a file of thousands of articles never
 * sits in memory whole. A bad element of an array is reported alone and the next one is read; a
 * syntax error ends the file, since nothing after it can be trusted.
 */
public final class ArticleFile implements AutoCloseable {

    private final Path path;
    private final String name;
    private final Share share;
    private InputStream in;
    private JsonParser parser;
    private boolean array;
    private boolean done;
    private int position;

    /** @param name the file's name relative to the input folder, used in messages */
    public ArticleFile(Path path, String name) {
        this(path, name, Share.ALL);
    }

    /** @param share which of the file's articles (and problems) to hand on; the others are read past */
    public ArticleFile(Path path, String name, Share share) {
        this.path = path;
        this.name = name;
        this.share = share;
    }

    /** Articles already taken from this file (read, rejected or left to another partition); what a restart skips. */
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

    /** The next article or problem this file's share holds, or {@code null} at the end of the file. */
    public Input next() {
        Input next;
        do {
            next = nextOfAnyShare();
        } while (next == SOMEONE_ELSES);
        return next;
    }

    /** A problem of the file itself (not of one article): reported by the partition that owns the file's problems. */
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
            if (parser == null) {
                return start();
            }
            return array ? nextInArray() : end();
        } catch (JacksonException e) {
            done = true;
            return fileProblem(origin(), "not valid JSON: " + ArticleJson.describe(e));
        } catch (IOException e) {
            done = true;
            return fileProblem(Origin.wholeFile(name), "cannot read file: " + e);
        }
    }

    private Input start() throws IOException {
        in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        parser = ArticleJson.MAPPER.createParser(in);
        JsonToken first = parser.nextToken();
        if (first == null) {
            done = true;
            return fileProblem(Origin.wholeFile(name), "the file is empty");
        }
        if (first == JsonToken.START_ARRAY) {
            array = true;
            return nextInArray();
        }
        if (first == JsonToken.START_OBJECT) {
            position = 0;
            Input single = convert(Origin.wholeFile(name), parser.readValueAsTree());
            position = 1;
            return single;
        }
        done = true;
        return fileProblem(Origin.wholeFile(name),
                "expected an article object or an array of articles, found " + ArticleJson.kind(first));
    }

    private Input nextInArray() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
            return end();
        }
        position++;
        Origin origin = new Origin(name, position);
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return share.ownsFileProblems(name)
                    ? new Input.Rejected(origin, "expected an article object, found " + ArticleJson.kind(token)) : SOMEONE_ELSES;
        }
        return convert(origin, parser.readValueAsTree());
    }

    /** After the root value only whitespace may follow. */
    private Input end() {
        done = true;
        JsonToken extra = parser.nextToken();
        return extra == null ? null
                : fileProblem(Origin.wholeFile(name), "unexpected content after the end of the JSON value at line "
                        + parser.currentLocation().getLineNr() + "; it was ignored");
    }

    private Input convert(Origin origin, JsonNode node) {
        // Cleaned and bound (or rejected as "not a valid article") only when needed: see ArticleNode.
        ArticleNode article = new ArticleNode(node);
        if (!share.ownsArticle(name, article)) {
            return SOMEONE_ELSES; // read past: not checked, cleaned or converted here
        }
        return new Input.Parsed(origin, path.getParent(), article, null);
    }

    private Origin origin() {
        return array ? new Origin(name, Math.max(position, 1)) : Origin.wholeFile(name);
    }

    @Override
    public void close() {
        done = true;
        try {
            if (parser != null) {
                parser.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (IOException | JacksonException e) {
            // nothing useful to do: the file was only read
        }
    }
}
