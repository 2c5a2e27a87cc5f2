package dev.articleexporter.pipeline;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
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

    public static StampContent fromJson(String json) {
        JsonNode root = JSON.readTree(json);
        List<Article> articles = new ArrayList<>();
        for (JsonNode a : root.path("articles")) {
            articles.add(
                    new Article(a.get(0).asInt(), a.get(1).asString(), a.get(2).isNull() ? null : a.get(2).asString()));
        }
        List<String[]> images = new ArrayList<>();
        for (JsonNode i : root.path("images")) {
            images.add(new String[] { i.get(0).asString(), i.get(1).asString() });
        }
        return new StampContent(articles, images);
    }

    /** Images as JSON alone, as a partition records them for a file it read. */
    public static String imagesJson(List<String[]> images) {
        return new StampContent(List.of(), images).toJson();
    }

}
