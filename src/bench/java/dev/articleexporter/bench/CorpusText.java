package dev.articleexporter.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Sentences, titles and headings for {@link CorpusGenerator}, from small word lists and
 * templates. Each call draws from the one random source of the article being written, so
 * the order of calls decides the text.
 */
final class CorpusText {

    final SplittableRandom random;

    CorpusText(SplittableRandom random) {
        this.random = random;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    String paragraph(int minSentences, int maxSentences) {
        StringBuilder p = new StringBuilder();
        for (int i = 0, k = minSentences + random.nextInt(maxSentences - minSentences + 1); i < k; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(sentence());
        }
        return p.toString();
    }

    String sentence() {
        String s = switch (random.nextInt(8)) {
            case 0 -> pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(TIMES) + ".";
            case 1 -> "According to " + pick(SOURCES_OF_NEWS) + ", " + lower(pick(SUBJECTS)) + " " + pick(VERBS) + " "
                    + pick(OBJECTS) + ".";
            case 2 -> pick(SUBJECTS) + " said that " + lower(pick(SUBJECTS)) + " " + pick(VERBS) + " " + pick(OBJECTS)
                    + ", " + pick(CLAUSES) + ".";
            case 3 -> "The " + pick(NOUNS) + " " + pick(LINKS) + " " + amount() + " " + pick(TIMES) + ".";
            case 4 ->
                pick(TIMES_CAPITALISED) + ", " + lower(pick(SUBJECTS)) + " " + pick(VERBS) + " " + pick(OBJECTS) + ".";
            case 5 -> "“" + pick(QUOTES) + ",” " + lower(pick(SPEAKERS)) + " said.";
            case 6 -> pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + ", while " + lower(pick(SUBJECTS))
                    + " " + pick(VERBS) + " " + pick(OBJECTS) + ".";
            default -> "Critics argue that the " + pick(NOUNS) + " " + pick(PREDICATES) + ".";
        };
        return s;
    }

    /** "$300 million", "12%", "2,500 jobs" */
    String amount() {
        return switch (random.nextInt(4)) {
            case 0 -> (2 + random.nextInt(98)) + " " + pick(UNITS);
            case 1 -> String.format(Locale.ROOT, "%,d", 100 + random.nextInt(9900)) + " " + pick(UNITS);
            case 2 -> "$" + (1 + random.nextInt(900)) + " million";
            default -> (1 + random.nextInt(60)) + "%";
        };
    }

    String title() {
        return switch (random.nextInt(6)) {
            case 0 -> (5 + random.nextInt(20)) + " " + pick(PLURALS) + " That Could " + pick(TITLE_VERBS) + " in "
                    + (2025 + random.nextInt(3));
            case 1 -> pick(PLACES) + "’s " + pick(OFFICES) + " Calls for " + pick(DEMANDS);
            case 2 -> "Why " + pick(LAST_NAMES) + "’s Plan for " + pick(TOPICS) + " Worries " + pick(GROUPS);
            case 3 -> pick(GROUPS) + " Urge " + pick(OFFICES) + " to " + pick(ACTIONS) + " " + pick(TOPICS);
            case 4 -> "What the " + pick(TOPICS) + " Debate Means for " + pick(GROUPS) + " in " + pick(PLACES);
            default -> pick(PLACES) + " " + pick(TITLE_EVENTS) + " After " + (2 + random.nextInt(40)) + " Years";
        };
    }

    String heading() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(ADJECTIVES) + " " + pick(HEADING_NOUNS);
            case 1 -> pick(HEADING_NOUNS) + " for " + pick(TOPICS);
            case 2 -> pick(LAST_NAMES) + "’s " + pick(ADJECTIVES) + " " + pick(HEADING_NOUNS);
            default -> pick(ADJECTIVES) + " " + pick(HEADING_NOUNS) + " in " + pick(PLACES);
        };
    }

    /**
     * "The ministry" -> "the ministry" inside a sentence (the word lists hold no names).
     */
    private static String lower(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static final String[] FIRST_NAMES = { "Maria", "James", "Aisha", "Tom", "Elena", "David", "Priya", "Jonas", "Sarah",
            "Omar", "Lena", "Michael", "Chloe", "Daniel", "Hannah" };
    static final String[] LAST_NAMES = { "Garcia", "Smith", "Khan", "O’Brien", "Novak", "Miller", "Sato", "Berg",
            "Johnson", "Haddad", "Fischer", "Brown", "Dubois", "Rossi", "Walker", "Sudani", "Okafor" };

    private static final String[] PLACES = { "Iraq", "Sweden", "Florida", "Brazil", "Japan", "Canada", "Kenya",
            "Germany", "Texas", "India", "Poland", "Mexico", "the Netherlands", "Australia", "Ohio" };

    private static final String[] OFFICES = { "Prime Minister", "Governor", "Central Bank", "Finance Minister",
            "Senate", "President", "Mayor", "Supreme Court", "Health Ministry" };

    private static final String[] DEMANDS = { "Departure of Foreign Troops", "Lower Interest Rates", "a New Election",
            "Tighter Border Controls", "an End to the Strike", "Cheaper Housing", "a Review of Tax Rules" };

    private static final String[] TOPICS = { "Housing", "Energy Prices", "Defense Spending", "Immigration",
            "Interest Rates", "Health Care", "Student Loans", "Trade", "Pensions", "Public Transit",
            "Artificial Intelligence", "Farm Subsidies" };

    private static final String[] GROUPS = { "Investors", "Farmers", "Retirees", "Small Businesses", "Voters",
            "Economists", "Renters", "Teachers", "Nurses", "Republicans", "Democrats" };

    private static final String[] ACTIONS = { "Block", "Rethink", "Delay", "Expand", "Review", "Fund", "Cap" };

    private static final String[] PLURALS = { "Stocks", "Cities", "Habits", "Dividend Stocks", "Beach Towns", "Gadgets",
            "Retirement Mistakes", "Cars", "Jobs", "Islands" };

    private static final String[] TITLE_VERBS = { "Take Off", "Soar", "Disappoint", "Double", "Surprise You",
            "Change Everything" };

    private static final String[] TITLE_EVENTS = { "Breaks Neutrality Stance", "Ends Ban on Imports", "Reopens Border",
            "Changes Course on Energy", "Raises Retirement Age" };

    private static final String[] ADJECTIVES = { "Mixed", "Growing", "Political", "Hidden", "Rising", "Strained",
            "Historical", "Continued", "Unexpected", "Quiet", "Early", "Lasting" };

    private static final String[] HEADING_NOUNS = { "Response", "Pressure", "Costs", "Support", "Concerns", "Context",
            "Balancing Act", "Talks", "Risks", "Outlook", "Backlash", "Confidence", "Impact", "Constraints" };

    private static final String[] SUBJECTS = { "The prime minister", "Officials", "Analysts", "The central bank",
            "Local residents", "The company", "Lawmakers", "The ministry", "Investors", "Critics", "The governor",
            "Union leaders", "Health experts", "The committee", "Economists at the bank" };

    private static final String[] SPEAKERS = { "The minister", "A spokesperson", "One analyst", "The mayor",
            "A senior official", "The chief executive" };

    private static final String[] VERBS = { "expressed concern about", "announced", "criticized", "welcomed",
            "called for", "rejected", "postponed", "defended", "questioned", "acknowledged", "approved",
            "warned against" };

    private static final String[] OBJECTS = { "the new budget", "a premature withdrawal", "the proposed tax cut",
            "the trade agreement", "stricter rules for lenders", "the housing plan",
            "talks with neighbouring countries", "the decision to raise rates", "a review of the program", "the merger",
            "the coalition’s future", "higher spending on defense", "the price increase" };

    private static final String[] TIMES = { "on Tuesday", "last week", "earlier this year", "in a statement on Friday",
            "after months of talks", "during an interview in Davos", "ahead of the vote", "since 2014",
            "this morning" };

    private static final String[] TIMES_CAPITALISED = { "On Monday", "Last month", "Earlier this week", "In 2023",
            "After the election", "Since the pandemic", "Despite the criticism" };

    private static final String[] SOURCES_OF_NEWS = { "people familiar with the matter", "a report by the central bank",
            "figures released on Thursday", "a recent survey", "court documents", "the latest census" };

    private static final String[] CLAUSES = { "citing concerns about stability", "which could take years",
            "although details remain unclear", "raising questions about the cost", "a move welcomed by investors",
            "despite strong opposition", "as prices continue to rise" };

    private static final String[] PREDICATES = { "will take years to show results", "costs far more than promised",
            "came too late", "leaves key questions open", "favours large companies", "ignores rural areas" };

    private static final String[] NOUNS = { "budget", "program", "deficit", "index", "fund", "agency", "coalition",
            "market", "plan", "survey" };

    private static final String[] LINKS = { "grew by", "fell by", "reached", "now covers about", "cost roughly",
            "added" };

    private static final String[] UNITS = { "points", "jobs", "households", "troops", "companies", "people", "homes" };

    private static final String[] QUOTES = { "We cannot wait any longer", "This is a matter of sovereignty",
            "The numbers speak for themselves", "Nobody expected it to happen this fast", "We are ready to talk",
            "It is too early to say" };

}
