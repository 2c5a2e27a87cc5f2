package dev.articleexporter.pipeline;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a file's stamp keeps of its content (as JSON, in one column): each article's
 * position, output name and id, so a run that passes over the file knows its names
 * without reading it; and each local image its articles use with the image's stamp, so a
 * changed image makes the file read again.
 *
 * @param articles in file order
 * @param images {@code {path, stamp}} ({@link ContentHash#images})
 */
public record StampContent(List<Article> articles, List<String[]> images) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param position 1-based in the file's array, 0 for a file of one article
     * @param stem its output name
     * @param id the article's id, or {@code null}
     */
    public record Article(int position, String stem, String id) {
    }

    public StampContent {
        articles = List.copyOf(articles);
        images = List.copyOf(images);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("articles");
        for (Article article : articles) {
            list.addArray().add(article.position()).add(article.stem()).add(article.id());
        }
        ArrayNode pictures = root.putArray("images");
        for (String[] image : images) {
            pictures.addArray().add(image[0]).add(image[1]);
        }
        return JSON.writeValueAsString(root);
    }

    /**
     * Read token by token: every stamp of a large archive is read once per run, and a
     * tree per stamp cost three times as much.
     */
    public static StampContent fromJson(String json) {
        List<Article> articles = new ArrayList<>();
        List<String[]> images = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                expect(parser.nextToken(), JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_ARRAY) {
                    if (field.equals("articles")) {
                        parser.nextToken();
                        int position = parser.getIntValue();
                        parser.nextToken();
                        String stem = parser.getString();
                        String id = parser.nextToken() == JsonToken.VALUE_NULL ? null : parser.getString();
                        articles.add(new Article(position, stem, id));
                    }
                    else {
                        parser.nextToken();
                        String path = parser.getString();
                        parser.nextToken();
                        images.add(new String[] { path, parser.getString() });
                    }
                    expect(parser.nextToken(), JsonToken.END_ARRAY);
                }
            }
        }
        return new StampContent(articles, images);
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalArgumentException("not a stamp's content: " + token + " where " + expected + " belongs");
        }
    }

    /** Images as JSON alone, as a partition records them for a file it read. */
    public static String imagesJson(List<String[]> images) {
        return new StampContent(List.of(), images).toJson();
    }

}
