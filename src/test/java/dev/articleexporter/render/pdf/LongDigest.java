package dev.articleexporter.render.pdf;

import dev.articleexporter.model.CreditLine;
import dev.articleexporter.model.Story;
import dev.articleexporter.model.Meta;
import dev.articleexporter.model.Picture;
import dev.articleexporter.model.Picture.ImageData;
import dev.articleexporter.model.Published;
import dev.articleexporter.model.Related;
import dev.articleexporter.model.Slide;
import dev.articleexporter.model.TestStories;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A 17-slide slideshow, like the longer articles in a real feed: several pages. */
final class LongDigest {

    private LongDigest() {
    }

    static final String[] HEADINGS = { "Why Winter Is the Season for Harbour Towns", "Dawn on the Quay",
            "The Old Bridge", "A Market That Opens at Four in the Morning", "Where to Eat",
            "Smoked Fish and Where to Find It", "The Lighthouse Walk", "Museums for a Rainy Afternoon",
            "Rooms With a Sea View for Less", "Getting There by Train", "Ferries and Their Winter Timetables",
            "The Long Coastal Path Between the Two Villages, Step by Step, With All the Stops", "Bakeries",
            "Boat Trips When the Weather Allows", "What to Pack", "Festivals in the Dark Months", "Before You Go" };

    static Story build() {
        ImageData dawn = TestStories.png("harbour-dawn.png", "slide-02.png");
        ImageData bridge = TestStories.png("river-bridge.png", "slide-03.png");
        List<Slide> sections = new ArrayList<>();
        for (int i = 0; i < HEADINGS.length; i++) {
            int n = i + 1;
            Picture picture = switch (n % 4) {
                case 2 -> new Picture("Fishing boats at dawn", dawn);
                case 3 -> new Picture("A stone bridge over a river", bridge);
                case 0 -> n == 8 ? new Picture("A lighthouse in the fog", null) : null;
                default -> null;
            };
            String credit = n == 1 ? null : (n == 8 ? "Rail Archive" : "DepositPhotos");
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("Slide " + n + " opens with a short scene: the wind drops, the last ferry ties up and "
                    + "the harbour lights come on one by one while the fish market is hosed down for the night.");
            paragraphs.add("Prices fall by a third after October, and most guest houses stay open all year. "
                    + "Book two nights at least, because the morning is when these towns are at their best.");
            if (n % 3 == 0) {
                paragraphs.add("A third paragraph for some slides, to vary the length of each section a little and "
                        + "see how the page breaks fall when a heading lands near the bottom of a page.");
            }
            sections.add(new Slide(n, HEADINGS[i], picture, credit, paragraphs));
        }
        List<Integer> deposit = new ArrayList<>();
        for (int n = 2; n <= 17; n++) {
            if (n != 8) {
                deposit.add(n);
            }
        }
        Meta meta = new Meta(
                "Seventeen Reasons to Spend the Winter in a Harbour Town, From Dawn Markets to "
                        + "Lighthouse Walks and Everything in Between",
                "Example Travel Desk", "Travel", "Ana Example", "https://example.com/travel/seventeen-reasons",
                new Published(LocalDate.of(2026, 11, 21), null), "en",
                List.of("Travel", "Winter", "Example Travel Desk"));
        return new Story("seventeen-reasons", meta,
                List.of("Quiet quays, cheap rooms and fresh fish: winter is the best season for a harbour town. "
                        + "Here are seventeen reasons, from dawn markets to lighthouse walks.",
                        "Prices were checked in November; timetables change in spring."),
                sections, List.of(new CreditLine("DepositPhotos", deposit), new CreditLine("Rail Archive", List.of(8))),
                new Related("More from Example Travel Desk", List.of(
                        new Related.Link("Ten Winter Soups Worth the Trip", "https://example.com/food/winter-soups"),
                        new Related.Link("Night Trains Are Back", null), new Related.Link(
                                "The Best Coastal Walks in Europe", "https://example.com/travel/coastal-walks"))));
    }

}
