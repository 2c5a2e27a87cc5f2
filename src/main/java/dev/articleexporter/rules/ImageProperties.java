package dev.articleexporter.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code exporter.images.*} properties and their default: {@code --max-image-size}
 * sets it, and defaults to the same constant. Registered by {@link ImageLoader}, so a
 * context that scans only {@code rules} has them. A value under {@link #MIN_SIZE} stops
 * the start with a sentence naming the property.
 *
 * @param maxSize the longest side, in pixels, an image keeps; larger ones are downscaled
 */
@ConfigurationProperties("exporter.images")
public record ImageProperties(@DefaultValue(ImageProperties.DEFAULT_MAX_SIZE) int maxSize) {

    public static final String DEFAULT_MAX_SIZE = "1600";

    /** The smallest image size limit: a picture smaller than this says nothing. */
    public static final int MIN_SIZE = 16;

    public ImageProperties {
        if (maxSize < MIN_SIZE) {
            throw new IllegalArgumentException(
                    "exporter.images.max-size must be at least " + MIN_SIZE + " pixels, not " + maxSize);
        }
    }
}
