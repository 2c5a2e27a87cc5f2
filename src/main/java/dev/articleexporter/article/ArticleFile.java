package dev.articleexporter.article;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private InputStream in;
    private JsonParser parser;
    private boolean array;
    private boolean done;
    private int position;

    /** @param name the file's name relative to the input folder, used in messages */
    public ArticleFile(Path path, String name) {
        this.path = path;
        this.name = name;
    }

    /** Articles already taken from this file (read or rejected); what a restart skips. */
    public int position() {
        return position;
    }

    /** Skips the first {@code count} articles without converting them (restart). */
    public void skip(int count) {
        for (int i = 0; i < count && !done; i++) {
            if (next() == null) {
                break;
            }
        }
    }

    /** The next article or problem, or {@code null} at the end of the file. */
    public Input next() {
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
            return new Input.Rejected(origin(), "not valid JSON: " + ArticleJson.describe(e));
        } catch (IOException e) {
            done = true;
            return new Input.Rejected(Origin.wholeFile(name), "cannot read file: " + e);
        }
    }

    private Input start() throws IOException {
        in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        parser = ArticleJson.MAPPER.createParser(in);
        JsonToken first = parser.nextToken();
        if (first == null) {
            done = true;
            return new Input.Rejected(Origin.wholeFile(name), "the file is empty");
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
        return new Input.Rejected(Origin.wholeFile(name),
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
            return new Input.Rejected(origin, "expected an article object, found " + ArticleJson.kind(token));
        }
        return convert(origin, parser.readValueAsTree());
    }

    /** After the root value only whitespace may follow. */
    private Input end() {
        done = true;
        JsonToken extra = parser.nextToken();
        return extra == null ? null
                : new Input.Rejected(Origin.wholeFile(name), "unexpected content after the end of the JSON value at line "
                        + parser.currentLocation().getLineNr() + "; it was ignored");
    }

    private Input convert(Origin origin, JsonNode node) {
        try {
            List<String> warnings = XmlCharacters.clean(node);
            return new Input.Parsed(origin, path.getParent(), ArticleJson.MAPPER.treeToValue(node, Article.class), warnings,
                    null);
        } catch (JacksonException e) {
            return new Input.Rejected(origin, "not a valid article: " + ArticleJson.describe(e));
        }
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
