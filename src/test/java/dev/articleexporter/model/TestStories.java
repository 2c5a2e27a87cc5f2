package dev.articleexporter.model;

import dev.articleexporter.model.Picture.ImageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Hand-built digests for renderer tests, independent of the processing rules. */
public final class TestStories {

    private TestStories() {
    }

    /**
     * Like the harbour-towns sample: two local PNGs, one missing image, a promo moved to
     * related.
     */
    public static Story harbourTowns() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T07:30:00Z");
        Meta meta = new Meta("Five Harbour Towns to Visit in Winter", "Example Travel Desk", "Travel",
                "Travel Desk Staff", "https://example.com/travel/harbour-towns", new Published(at.toLocalDate(), at),
                "en", List.of("Travel", "Example Travel Desk"));
        List<Slide> sections = List.of(new Slide(1, "Dawn on the Quay",
                new Picture("Fishing boats at dawn", png("harbour-dawn.png", "slide-01.png")), "Example Travel Desk",
                List.of("Boats leave before sunrise & return by noon.", "Arrive early for the auction.")),
                new Slide(2, "The Old Bridge",
                        new Picture("A stone bridge over a river", png("river-bridge.png", "slide-02.png")),
                        "Example Travel Desk", List.of("The bridge dates from 1742 and still carries traffic.")),
                new Slide(3, "Where to Eat", null, null, List.of("Most kitchens close at 21:00 in winter.")),
                new Slide(4, "Getting There", new Picture("A train", null), "Rail Archive",
                        List.of("Trains run hourly; the last one leaves at 22:10.")));
        return new Story("five-harbour-towns-to-visit-in-winter", meta,
                List.of("Quiet quays, cheap rooms and fresh fish: winter is the best season for a harbour town."),
                sections,
                List.of(new CreditLine("Example Travel Desk", List.of(1, 2)),
                        new CreditLine("Rail Archive", List.of(4))),
                new Related("More from Example Travel Desk",
                        List.of(new Related.Link("Ten Winter Soups Worth the Trip", null))));
    }

    /** Minimal: only the required fields, no date, no author, no images, no related. */
    public static Story minimal() {
        Meta meta = new Meta("Three Questions Before You Refinance", null, null, null, null, null, "en", List.of());
        return new Story("three-questions-before-you-refinance", meta, List.of(),
                List.of(new Slide(1, "What Is the Break-Even Point?", null, "DepositPhotos",
                        List.of("Divide the closing costs by the monthly saving."))),
                List.of(new CreditLine("DepositPhotos", List.of(1))), null);
    }

    /** Text that must come out literally: markup, entities, quotes, CDATA end. */
    public static Story hostileText() {
        String evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)> ]]> <!-- c --> “quotes” — 5 < 6";
        Meta meta = new Meta(evil, "Site <b>", "Sec & Co", "A \"quoted\" author", null,
                new Published(LocalDate.of(2025, 1, 15), null), "en", List.of("a&b"));
        return new Story("hostile", meta, List.of(evil),
                List.of(new Slide(1, evil, new Picture(evil, null), evil, List.of(evil, "plain"))),
                List.of(new CreditLine(evil, List.of(1))),
                new Related(evil, List.of(new Related.Link(evil, "https://example.com/a?b=1&c=<2>"))));
    }

    /**
     * Sample text in every script the tool must handle, one paragraph each, keyed by
     * script name.
     */
    public static final java.util.Map<String, String> SCRIPTS = scripts();

    private static java.util.Map<String, String> scripts() {
        java.util.Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("Latin with accents", "Crème brûlée, façade, Ångström, Dvořák, Łódź, naïve coöperation");
        s.put("combining marks", "e\u0301 a\u0300 o\u0308 n\u0303 (decomposed accents)");
        s.put("Greek", "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο");
        s.put("Cyrillic", "Съешь же ещё этих мягких французских булок, да выпей чаю");
        s.put("Arabic", "مرحبا بالعالم، هذه فقرة باللغة العربية");
        s.put("Hebrew", "שלום עולם, זוהי פסקה בעברית");
        s.put("Chinese", "这是一个中文段落，用于测试字体。");
        s.put("Japanese", "これは日本語の段落です。カタカナもあります。");
        s.put("symbols", "Prices: € 12, ₹ 900, £ 5, ∑ x² ≤ ∞, → ← ✓");
        s.put("emoji", "Weather today: ☀ 🌧 🙂 👍");
        return java.util.Collections.unmodifiableMap(s);
    }

    /** A left-to-right article with a slide per script of {@link #SCRIPTS}. */
    public static Story everyScript() {
        Meta meta = new Meta("Every Script: Ελληνικά, Русский, العربية, עברית, 中文, 日本語 ✓", "Example World Desk",
                "World", null, null, new Published(LocalDate.of(2026, 11, 25), null), "en", List.of("World"));
        List<Slide> sections = new java.util.ArrayList<>();
        int n = 0;
        for (var e : SCRIPTS.entrySet()) {
            n++;
            sections
                .add(new Slide(n, e.getKey() + ": " + e.getValue().substring(0, Math.min(12, e.getValue().length())),
                        null, null, List.of(e.getValue())));
        }
        return new Story("every-script", meta, List.of("One paragraph in each script."), sections, List.of(), null);
    }

    /**
     * A right-to-left article (Arabic, {@code language = ar}) with a Hebrew quote and
     * Latin digits.
     */
    public static Story arabic() {
        Meta meta = new Meta("رئيس الوزراء العراقي يدعو إلى رحيل التحالف", "موقع المثال", "سياسة", "فريق التحرير", null,
                new Published(LocalDate.of(2026, 11, 25), null), "ar", List.of("سياسة"));
        List<Slide> sections = List.of(
                new Slide(1, "نهاية المبررات", null, "DepositPhotos",
                        List.of("قال السوداني إن مبررات وجود التحالف الدولي في العراق قد انتهت منذ عام 2014.",
                                "ציטוט בעברית: שלום.")),
                new Slide(2, "العلاقات الثنائية", null, null,
                        List.of("يريد العراق علاقة ثنائية قوية مع الولايات المتحدة.")));
        return new Story("arabic", meta, List.of("مقدمة قصيرة للمقال."), sections,
                List.of(new CreditLine("DepositPhotos", List.of(1))), null);
    }

    /** {@code slides} slides of a few sentences each, for size limits and memory. */
    public static Story huge(int slides) {
        Meta meta = new Meta("A Very Long Slideshow", "Example Desk", "Archive", null, null, null, "en", List.of());
        List<Slide> sections = new java.util.ArrayList<>(slides);
        for (int i = 1; i <= slides; i++) {
            sections.add(new Slide(i, "Slide number " + i, null, i % 3 == 0 ? "DepositPhotos" : null,
                    List.of("Paragraph one of slide " + i
                            + ": the quick brown fox jumps over the lazy dog, again and again.",
                            "Paragraph two of slide " + i
                                    + " adds a second sentence so the text wraps over a couple of lines.")));
        }
        List<Integer> credited = sections.stream().filter(s -> s.credit() != null).map(Slide::number).toList();
        return new Story("huge-" + slides, meta, List.of("An archive export."), sections,
                credited.isEmpty() ? List.of() : List.of(new CreditLine("DepositPhotos", credited)), null);
    }

    /** A sample PNG from {@code input/images} as a renderer sees it. */
    public static ImageData png(String file, String name) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("input/images", file));
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            return new ImageData(bytes, name, "image/png", image.getWidth(), image.getHeight());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
