package dev.articleexporter.render.pdf;

import static dev.articleexporter.render.pdf.Layout.BODY_LEADING;
import static dev.articleexporter.render.pdf.Layout.blankToNull;

import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Slide;
import dev.articleexporter.render.TimeLimit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Image;

/**
 * A slide of a story: its numbered heading (with a bookmark), its picture or the
 * picture's alt text, the photo credit and the paragraphs. One per document: it keeps the
 * document's pictures.
 */
final class SlideBlock {

    private static final float HEADING_LEADING = 17.5f;

    private static final float HEADING_SPACE_BEFORE = 20f;

    private static final float IMAGE_SPACING = 6f;

    /** Images are scaled down to at most this share of the page height. */
    private static final float MAX_IMAGE_SHARE = 0.45f;

    /** A picture may shrink to this share of its planned height to stay on the page. */
    private static final float MIN_IMAGE_SHRINK = 0.7f;

    private final Layout layout;

    private final Styles st;

    private final Document doc;

    private final float textWidth;

    private final Map<Picture.ImageData, Image> images = new IdentityHashMap<>();

    SlideBlock(Layout layout) {
        this.layout = layout;
        this.st = layout.styles();
        this.doc = layout.doc();
        this.textWidth = layout.textWidth();
    }

    /**
     * @param article the story's bookmark, the parent of the slide's, or {@code null}
     */
    void write(Slide slide, PageDecorations.Bookmark article) {
        TimeLimit.checkCurrent();
        Picture picture = slide.picture();
        Image image = picture != null && picture.embeddable() ? image(picture) : null;
        String credit = blankToNull(slide.credit());
        boolean placeholder = picture != null && image == null && !picture.alt().isBlank();

        // Keep the heading with what follows it: picture (or placeholder), credit, two
        // lines.
        // A picture that almost fits is made a little smaller rather than leave a gap.
        float around = HEADING_SPACE_BEFORE + headingLines(slide) * HEADING_LEADING + 8f + (placeholder ? 16f : 0f)
                + (credit != null ? 18f : 0f) + 2 * BODY_LEADING + 12f;
        float room = layout.writer().getVerticalPosition(true) - doc.bottom();
        if (image != null) {
            float roomForImage = room - around - IMAGE_SPACING;
            if (roomForImage < image.getScaledHeight() && roomForImage >= MIN_IMAGE_SHRINK * image.getScaledHeight()) {
                // a copy: the same picture elsewhere keeps its size
                image = Image.getInstance(image);
                image.scaleToFit(textWidth, roomForImage);
            }
            around += image.getScaledHeight() + IMAGE_SPACING;
        }
        if (room < around) {
            doc.newPage();
        }

        List<Chunk> heading = new ArrayList<>(st.chunks(slide.number() + "  ", st.headingNumber));
        heading.getFirst()
            .setGenericTag(layout.decorations().bookmark(article, slide.number() + ". " + slide.heading(), true).tag());
        heading.addAll(st.chunks(slide.heading(), st.heading));
        doc.add(layout.spaced(layout.block(heading, HEADING_LEADING), HEADING_SPACE_BEFORE, 6f));

        if (image != null) {
            doc.add(image);
        }
        else if (placeholder) {
            Element p = layout.block(st.chunks("[Image: " + picture.alt().strip() + "]", st.placeholder), 12f);
            doc.add(layout.spaced(p, 0f, credit == null ? 6f : 1f));
        }
        if (credit != null) {
            doc.add(layout.spaced(layout.block(st.chunks("Photo: " + credit, st.caption), 10f), 0f, 8f));
        }
        for (String text : slide.paragraphs()) {
            doc.add(layout.spaced(layout.block(st.chunks(text, st.body), BODY_LEADING), 0f, 6f));
        }
    }

    private int headingLines(Slide slide) {
        float width = st.text.width(slide.number() + "  " + slide.heading(), st.heading);
        return Math.max(1, (int) Math.ceil(width / (textWidth * 0.95f)));
    }

    /**
     * The picture scaled to the text width and at most 45% of the page height, or null if
     * unreadable.
     */
    private Image image(Picture picture) {
        Image image = images.get(picture.data());
        if (image != null) {
            return image; // the same picture again: one image object in the file
        }
        try {
            image = PdfImages.load(picture.data());
        }
        catch (IOException | RuntimeException e) {
            return null; // shown as its alt text instead
        }
        images.put(picture.data(), image);
        float maxHeight = (doc.getPageSize().getHeight()) * MAX_IMAGE_SHARE;
        image.scaleToFit(textWidth, maxHeight);
        image.setAlignment(Image.MIDDLE);
        image.setSpacingBefore(2f);
        image.setSpacingAfter(3f);
        image.setAlt(picture.alt());
        return image;
    }

}
