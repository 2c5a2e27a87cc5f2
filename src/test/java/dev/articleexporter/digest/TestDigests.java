package dev.articleexporter.digest;

import dev.articleexporter.digest.Picture.ImageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Hand-built digests for renderer tests, independent of the processing rules. */
public final class TestDigests {

    private TestDigests() {
    }

    /** Like the harbour-towns sample: two local PNGs, one missing image, a promo moved to related. */
    public static Digest harbourTowns() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T07:30:00Z");
        Meta meta = new Meta("Five Harbour Towns to Visit in Winter", "Example Travel Desk", "Travel",
                "Travel Desk Staff", "https://example.com/travel/harbour-towns",
                new Published(at.toLocalDate(), at), "en", List.of("Travel", "Example Travel Desk"));
        List<Section> sections = List.of(
                new Section(1, "Dawn on the Quay", new Picture("Fishing boats at dawn", png("harbour-dawn.png", "slide-01.png")),
                        "Example Travel Desk", List.of("Boats leave before sunrise & return by noon.", "Arrive early for the auction.")),
                new Section(2, "The Old Bridge", new Picture("A stone bridge over a river", png("river-bridge.png", "slide-02.png")),
                        "Example Travel Desk", List.of("The bridge dates from 1742 and still carries traffic.")),
                new Section(3, "Where to Eat", null, null, List.of("Most kitchens close at 21:00 in winter.")),
                new Section(4, "Getting There", new Picture("A train", null), "Rail Archive",
                        List.of("Trains run hourly; the last one leaves at 22:10.")));
        return new Digest("five-harbour-towns-to-visit-in-winter", meta,
                List.of("Quiet quays, cheap rooms and fresh fish: winter is the best season for a harbour town."),
                sections,
                List.of(new CreditLine("Example Travel Desk", List.of(1, 2)), new CreditLine("Rail Archive", List.of(4))),
                new Related("More from Example Travel Desk", List.of(new Related.Link("Ten Winter Soups Worth the Trip", null))));
    }

    /** Minimal: only the required fields, no date, no author, no images, no related. */
    public static Digest minimal() {
        Meta meta = new Meta("Three Questions Before You Refinance", null, null, null, null, null, "en", List.of());
        return new Digest("three-questions-before-you-refinance", meta, List.of(),
                List.of(new Section(1, "What Is the Break-Even Point?", null, "DepositPhotos",
                        List.of("Divide the closing costs by the monthly saving."))),
                List.of(new CreditLine("DepositPhotos", List.of(1))), null);
    }

    /** Text that must come out literally: markup, entities, quotes, CDATA end. */
    public static Digest hostileText() {
        String evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)> ]]> <!-- c --> “quotes” — 5 < 6";
        Meta meta = new Meta(evil, "Site <b>", "Sec & Co", "A \"quoted\" author", null,
                new Published(LocalDate.of(2025, 1, 15), null), "en", List.of("a&b"));
        return new Digest("hostile", meta, List.of(evil),
                List.of(new Section(1, evil, new Picture(evil, null), evil, List.of(evil, "plain"))),
                List.of(new CreditLine(evil, List.of(1))),
                new Related(evil, List.of(new Related.Link(evil, "https://example.com/a?b=1&c=<2>"))));
    }

    /** A sample PNG from {@code input/images} as a renderer sees it. */
    public static ImageData png(String file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("input/images", file));
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            return new ImageData(bytes, name, "image/png", image.getWidth(), image.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
