package dev.articleexporter.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a corpus of realistic, messy slideshow articles for benchmarks: the same seed
 * always gives byte-identical files. Article {@code n} depends only on the seed,
 * {@code n} and the fixed slide count, not on how many articles are written or how they
 * are split into files.
 *
 * <p>
 * Like the feeds the tool is made for: 5 to 40 slides (about 17 on average, like the
 * {@code iraq-coalition.json} sample), credits spelled several ways ("Credit:",
 * "Credits:", "Photo Credit:", "DepositPhotos" and "Depositphotos", some missing, some as
 * a body paragraph), promotions ("Read More: …") in about 30% of the slides, related
 * teasers listed twice, and breadcrumbs ending in a truncated title. No images:
 * sample-sized articles are text only.
 *
 * <p>
 * Benchmark support, not part of the application: it lives in {@code src/bench/java},
 * compiled into the tests always and into {@code benchmarks.jar} with {@code -Pbench}.
 * The sentences come from {@link CorpusText}.
 */
public final class CorpusGenerator {

    public static final int DEFAULT_PER_FILE = 20;

    public static final int MIN_SLIDES = 5;

    public static final int MAX_SLIDES = 40;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final JsonNodeFactory NODES = JSON.getNodeFactory();

    private final long seed;

    private final Integer fixedSlides;

    /**
     * @param seed decides every article
     * @param fixedSlides every article gets exactly this many slides, or {@code null} for
     * 5 to 40
     */
    public CorpusGenerator(long seed, Integer fixedSlides) {
        if (fixedSlides != null && fixedSlides < 1) {
            throw new IllegalArgumentException("the slide count must be at least 1, not " + fixedSlides);
        }
        this.seed = seed;
        this.fixedSlides = fixedSlides;
    }

    /** What {@link #write} produced. */
    public record Result(int articles, long slides, List<Path> files, long bytes) {
    }

    /**
     * Writes articles 1 to {@code count} into {@code folder} as JSON arrays of
     * {@code perFile} articles, named {@code corpus-00001.json},
     * {@code corpus-00002.json}, … (existing files of the same names are replaced; others
     * are left alone).
     */
    public Result write(Path folder, int count, int perFile) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("the article count must not be negative, not " + count);
        }
        if (perFile < 1) {
            throw new IllegalArgumentException("articles per file must be at least 1, not " + perFile);
        }
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        long slides = 0;
        long bytes = 0;
        for (int first = 1, file = 1; first <= count; first += perFile, file++) {
            ArrayNode array = NODES.arrayNode();
            for (int n = first; n < first + perFile && n <= count; n++) {
                ObjectNode article = article(n);
                slides += article.get("slides").size();
                array.add(article);
            }
            Path path = folder.resolve(String.format(Locale.ROOT, "corpus-%05d.json", file));
            try (OutputStream out = Files.newOutputStream(path)) {
                JSON.writeValue(out, array);
            }
            files.add(path);
            bytes += Files.size(path);
        }
        return new Result(count, slides, List.copyOf(files), bytes);
    }

    /** Article {@code n} (1-based) as the JSON a feed would send. */
    public ObjectNode article(int n) {
        CorpusText t = new CorpusText(new SplittableRandom(mix(seed, n)));
        SplittableRandom r = t.random;
        Site site = t.pick(SITES);
        String section = t.pick(site.sections);
        String title = t.title();
        int slideCount = fixedSlides != null ? fixedSlides : slideCount(r);

        ObjectNode a = NODES.objectNode();
        a.put("id", "gen-" + seed + "-" + n);
        a.put("site", site.name);
        if (r.nextInt(10) < 8) {
            a.put("section", section); // otherwise taken from the breadcrumbs
        }
        ArrayNode crumbs = a.putArray("breadcrumbs");
        crumbs.add("Home").add(section).add("Slideshow").add(truncated(title, 3 + r.nextInt(3)));
        a.put("title", title);
        if (r.nextInt(10) < 6) {
            a.put("author", t.pick(CorpusText.FIRST_NAMES) + " " + t.pick(CorpusText.LAST_NAMES));
        }
        if (r.nextInt(10) < 7) {
            a.put("url", "https://" + site.domain + "/" + section.toLowerCase(Locale.ROOT) + "/" + slug(title));
        }
        a.put("publishedAt", published(r));
        if (r.nextInt(10) < 8) {
            a.put("language", "en");
        }
        if (r.nextInt(5) == 0) {
            a.put("intro", t.paragraph(3, 5)); // a single string instead of an array
        }
        else {
            ArrayNode intro = a.putArray("intro");
            int paragraphs = 1 + (r.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < paragraphs; i++) {
                intro.add(t.paragraph(3, 5));
            }
        }

        // Teasers of other articles: promotions inside slides reuse some, the related
        // list repeats some.
        List<String> teasers = new ArrayList<>();
        for (int i = 0, k = 4 + r.nextInt(4); i < k; i++) {
            teasers.add(t.title());
        }
        String source = t.pick(SOURCES)[0];
        ArrayNode slides = a.putArray("slides");
        for (int s = 1; s <= slideCount; s++) {
            slides.add(slide(t, source, teasers));
        }

        ArrayNode related = a.putArray("related");
        int links = 3 + r.nextInt(4);
        for (int i = 0; i < links; i++) {
            related.add(relatedLink(t, site, teasers.get(i % teasers.size()), source));
        }
        // the same teaser scraped twice
        for (int i = 0, dup = 1 + r.nextInt(2); i < dup; i++) {
            related.add(relatedLink(t, site, teasers.get(r.nextInt(Math.min(links, teasers.size()))), source));
        }
        return a;
    }

    private ObjectNode slide(CorpusText t, String source, List<String> teasers) {
        SplittableRandom r = t.random;
        ObjectNode slide = NODES.objectNode();
        slide.put("heading", t.heading());
        List<String> body = new ArrayList<>();
        // Mostly one paragraph of a few sentences, like the sample (about 300 characters
        // a slide).
        int roll = r.nextInt(20);
        for (int i = 0, k = roll < 14 ? 1 : roll < 19 ? 2 : 3; i < k; i++) {
            body.add(t.paragraph(2, 3));
        }
        int creditRoll = r.nextInt(100);
        if (creditRoll < 80) {
            slide.put("credit", messyCredit(t, source));
        }
        else if (creditRoll < 85) {
            // a credit line inside the text
            body.add(r.nextInt(body.size() + 1), messyCredit(t, source));
        } // else: no credit at all
        if (r.nextInt(100) < 30) {
            String promo = t.pick(PROMO_LABELS)
                    + (r.nextBoolean() ? teasers.get(r.nextInt(teasers.size())) : t.title());
            body.add(r.nextInt(4) == 0 ? r.nextInt(body.size() + 1) : body.size(), promo);
        }
        if (r.nextInt(100) < 4) {
            body.add(body.get(0)); // a paragraph scraped twice
        }
        if (body.size() == 1 && r.nextBoolean()) {
            slide.put("body", body.get(0)); // a single string instead of an array
        }
        else {
            ArrayNode array = slide.putArray("body");
            body.forEach(array::add);
        }
        return slide;
    }

    private static ObjectNode relatedLink(CorpusText t, Site site, String title, String source) {
        ObjectNode link = NODES.objectNode();
        link.put("label", "More from " + site.name);
        link.put("title", title);
        if (t.random.nextInt(3) > 0) {
            link.put("url", "https://" + site.domain + "/" + slug(title));
        }
        if (t.random.nextInt(4) > 0) {
            link.put("credit", messyCredit(t, source));
        }
        return link;
    }

    /**
     * "Credit: DepositPhotos", "Credits: Depositphotos", "Photo Credit: DepositPhotos", …
     */
    private static String messyCredit(CorpusText t, String source) {
        String[] spellings = null;
        for (String[] s : SOURCES) {
            if (s[0].equals(source)) {
                spellings = s;
            }
        }
        // The usual spelling most of the time, another one now and then.
        String name = t.random.nextInt(100) < 70 ? spellings[0] : spellings[t.random.nextInt(spellings.length)];
        return t.pick(CREDIT_LABELS) + name;
    }

    /**
     * 5 to 40, mean about 17: a rounded normal curve (mean 16.5, sd 7) clamped to the
     * range.
     */
    static int slideCount(SplittableRandom r) {
        long n = Math.round(16.5 + 7 * r.nextGaussian());
        return (int) Math.max(MIN_SLIDES, Math.min(MAX_SLIDES, n));
    }

    private static String published(SplittableRandom r) {
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(3 * 365));
        if (r.nextInt(4) == 0) {
            return day.toString();
        }
        return String.format(Locale.ROOT, "%sT%02d:%02d:00Z", day, r.nextInt(24), r.nextInt(4) * 15);
    }

    /** "Iraq’s Prime Minister Calls..." as breadcrumbs cut a long title. */
    private static String truncated(String title, int words) {
        String[] w = title.split(" ");
        return w.length <= words ? title : String.join(" ", List.of(w).subList(0, words)) + "...";
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A well-spread seed per article (SplitMix64's finaliser over seed and n). */
    private static long mix(long seed, int n) {
        long z = seed * 0x9E3779B97F4A7C15L + n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private record Site(String name, String domain, String[] sections) {
    }

    private static final Site[] SITES = {
            new Site("The Stock Dork", "thestockdork.example", new String[] { "Politics", "Markets", "Money" }),
            new Site("Example Travel Desk", "travel.example", new String[] { "Travel", "Food", "Culture" }),
            new Site("Daily Market Wire", "marketwire.example", new String[] { "Markets", "Economy", "Technology" }),
            new Site("Harbour Gazette", "harbourgazette.example", new String[] { "World", "Politics", "Health" }),
            new Site("Capitol Brief", "capitolbrief.example", new String[] { "Politics", "Policy", "Elections" }), };

    /**
     * Each row: the usual spelling of a photo source first, then the other spellings
     * feeds use.
     */
    private static final String[][] SOURCES = { { "DepositPhotos", "Depositphotos", "DEPOSITPHOTOS" },
            { "Shutterstock", "ShutterStock", "shutterstock" }, { "Getty Images", "Getty images", "GETTY IMAGES" },
            { "Reuters", "REUTERS" }, { "AP Photo", "AP photo", "Associated Press" },
            { "Wikimedia Commons", "Wikimedia commons" }, };

    private static final String[] CREDIT_LABELS = { "Credit: ", "Credit: ", "Credit: ", "Credits: ", "Credits: ",
            "Photo Credit: ", "Photo credit: ", "Photo: ", "Image: ", "Image Credit: ", "CREDIT: ", "", };

    private static final String[] PROMO_LABELS = { "Read More: ", "Read More: ", "Also Read: ", "Read Next: ",
            "See Also: " };

}
