package dev.articleexporter.model;

/**
 * A slide image. When the image could not be embedded (remote, missing, unreadable),
 * {@code data} is {@code null} and renderers show the alt text in its place.
 *
 * @param alt alternative text; never {@code null}, may be empty
 * @param data the image bytes and their type, or {@code null}
 */
public record Picture(String alt, ImageData data) {

    public boolean embeddable() {
        return data != null;
    }

    /**
     * Bytes of a readable local image.
     *
     * @param name a file name unique within the story, e.g. {@code slide-03.png}
     * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/gif}
     * @param width pixels
     * @param height pixels
     */
    public record ImageData(byte[] bytes, String name, String mediaType, int width, int height) {
    }
}
