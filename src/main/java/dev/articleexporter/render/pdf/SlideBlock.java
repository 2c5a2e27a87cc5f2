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
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfStructureElement;

/**
 * A slide of a story: its numbered heading (with a bookmark), its picture or the
 * picture's alt text, the photo credit and the paragraphs; in the structure tree a
 * section with its heading, the figure (its alt text, the credit as its caption) and the
 * paragraphs. One per document: it keeps the document's pictures.
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

    private final float pageHeight;

    private final float textWidth;

    private final Map<Picture.ImageData, Image> images = new IdentityHashMap<>();

    SlideBlock(Layout layout) {
        this.layout = layout;
        this.st = layout.styles();
        this.pageHeight = layout.flow().doc().getPageSize().getHeight();
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
        float room = layout.flow().room();
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
            layout.flow().newPage();
        }

        Tagging tags = layout.tags();
        Flow flow = layout.flow();
        PdfStructureElement section = tags.child(layout.parent(), PdfName.SECT);
        List<Chunk> heading = new ArrayList<>(st.chunks(slide.number() + "  ", st.headingNumber));
        heading.addAll(st.chunks(slide.heading(), st.heading));
        PdfStructureElement h = layout.heading(section, 1, heading);
        PageDecorations.Bookmark bookmark = layout.decorations()
            .bookmark(article, slide.number() + ". " + slide.heading(), true);
        bookmark.heading(h);
        heading.getFirst().setGenericTag(bookmark.tag());
        flow.add(layout.block(heading, HEADING_LEADING), HEADING_SPACE_BEFORE, 6f, h);

        if (image != null) {
            PdfStructureElement figure = tags.figure(section, slide.pictureAlt());
            // half a heading's leading above the picture and none below: where the
            // document's own
            // layout put it
            flow.image(image, HEADING_LEADING / 2f, 0f, figure);
            if (credit != null) {
                flow.add(layout.block(st.chunks("Photo: " + credit, st.caption), 10f), 0f, 8f, tags.caption(figure));
            }
        }
        else {
            if (placeholder) {
                layout.paragraph(section, st.chunks("[Image: " + picture.alt().strip() + "]", st.placeholder), 12f, 0f,
                        credit == null ? 6f : 1f);
            }
            if (credit != null) {
                layout.paragraph(section, st.chunks("Photo: " + credit, st.caption), 10f, 0f, 8f);
            }
        }
        for (String text : slide.paragraphs()) {
            layout.paragraph(section, st.chunks(text, st.body), BODY_LEADING, 0f, 6f);
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
        float maxHeight = pageHeight * MAX_IMAGE_SHARE;
        image.scaleToFit(textWidth, maxHeight);
        return image;
    }

}
