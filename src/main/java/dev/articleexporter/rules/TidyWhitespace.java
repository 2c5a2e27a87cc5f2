package dev.articleexporter.rules;

import dev.articleexporter.input.Article;
import dev.articleexporter.input.Article.Slide;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Collapses runs of white space, trims, splits paragraphs at blank lines and drops empty
 * ones. Runs first so later rules match clean text. Characters are otherwise kept
 * exactly.
 */
@Component
@Order(100)
public class TidyWhitespace implements ArticleRule {

    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t\\x0B\\f\\u00A0]*\\R");

    // Not \s: that would also fold the no-break spaces writers put in "5 km" on purpose.
    private static final Pattern SPACES = Pattern.compile("[ \\t\\n\\x0B\\f\\r\\u2028\\u2029\\u3000]+");

    @Override
    public Article apply(Article article, RuleContext context) {
        List<Slide> slides = article.slides()
            .stream()
            .map(s -> new Slide(line(s.heading()), paragraphs(s.body()), line(s.credit()), s.image()))
            .toList();
        return article.withIntro(paragraphs(article.intro())).withSlides(slides);
    }

    /** One line of text, or {@code null} when nothing is left. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        if (isTidy(text)) {
            return text; // the common case, without a regular expression
        }
        String tidy = SPACES.matcher(text).replaceAll(" ").strip();
        return tidy.isEmpty() ? null : tidy;
    }

    /**
     * No leading or trailing white space, no run of spaces, no other space characters.
     */
    private static boolean isTidy(String text) {
        if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' ? previous == ' ' : c <= '\r' || c == '\u2028' || c == '\u2029' || c == '\u3000') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Whether {@code text} has a character {@code \\R} matches. */
    private static boolean hasLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    static List<String> paragraphs(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            if (!hasLineBreak(text)) {
                // the common case: one line, no blank line to split at
                String tidy = line(text);
                if (tidy != null) {
                    out.add(tidy);
                }
                continue;
            }
            for (String part : BLANK_LINE.split(text)) {
                String tidy = line(part);
                if (tidy != null) {
                    out.add(tidy);
                }
            }
        }
        return out;
    }

}
