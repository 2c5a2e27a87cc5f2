package dev.articleexporter.model;

/**
 * The cover of a book: the image library views, e-readers and catalogs show for it, and a
 * small copy of it for lists. Made once per story or digest (by {@code cover.CoverMaker})
 * and used by every format and by the catalog, so all show the same picture.
 *
 * @param full the cover itself, a JPEG
 * @param thumbnail the same cover, small, a JPEG
 */
public record Cover(Image full, Image thumbnail) {

    /** Media type of both images. */
    public static final String MEDIA_TYPE = "image/jpeg";

    /**
     * One JPEG image.
     *
     * @param jpeg its bytes (not copied: nobody changes them)
     * @param width pixels
     * @param height pixels
     */
    public record Image(byte[] jpeg, int width, int height) {
    }

    /**
     * Where a story's or digest's cover goes beside its other files:
     * {@code stem.cover.jpg}.
     */
    public static String fileName(String stem) {
        return stem + ".cover.jpg";
    }

    /** Where its thumbnail goes: {@code stem.thumb.jpg}. */
    public static String thumbnailName(String stem) {
        return stem + ".thumb.jpg";
    }

}
