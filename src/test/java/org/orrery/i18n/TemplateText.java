package org.orrery.i18n;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the text a Thymeleaf template shows a reader that does not come from a message bundle: text nodes whose
 * content no {@code th:*} attribute replaces, user-visible attributes ({@code placeholder}, {@code title},
 * {@code aria-label}, {@code alt}, a button's {@code value}) written literally, and quoted literals inside the
 * expressions of {@code th:text} and its kin. Text without a letter (punctuation, symbols, digits) and the words
 * of {@link #ALLOWED} pass.
 */
final class TemplateText {

    /** Names that are the same in every language. */
    static final Set<String> ALLOWED = Set.of("Orrery", "ORCID", "iD", "OAuth", "API", "DOI");

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr", "path", "circle", "rect");

    private static final Set<String> RAW = Set.of("script", "style");

    private static final Pattern TOKEN = Pattern.compile("<!--.*?-->|<[^>]*>|[^<]+", Pattern.DOTALL);

    private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([A-Za-z][\\w:.-]*)(.*?)(/?)\\s*>", Pattern.DOTALL);

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*(?:=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:substituteby", "th:include");

    private static final Set<String> VISIBLE = Set.of("placeholder", "title", "aria-label", "alt");

    private static final Set<String> EXPRESSIONS = Set.of("th:text", "th:utext", "th:placeholder", "th:title",
            "th:aria-label", "th:alt", "th:value");

    private TemplateText() {
    }

    /** Each piece of text outside the bundles, as "line N: text". */
    static List<String> outsideBundles(String template) {
        List<String> found = new ArrayList<>();
        Deque<String[]> open = new ArrayDeque<>();
        Matcher token = TOKEN.matcher(template);
        String raw = null;
        while (token.find()) {
            String text = token.group();
            int line = lineOf(template, token.start());
            if (text.startsWith("<!--")) {
                continue;
            }
            Matcher tag = text.startsWith("<") ? TAG.matcher(text) : null;
            if (tag != null && tag.matches()) {
                String name = tag.group(2).toLowerCase();
                if (raw != null) {
                    if (tag.group(1).equals("/") && name.equals(raw)) {
                        raw = null;
                    }
                    continue;
                }
                if (tag.group(1).equals("/")) {
                    while (!open.isEmpty() && !open.pop()[0].equals(name)) {
                        // unclosed children end with their parent
                    }
                    continue;
                }
                boolean replaces = checkAttributes(name, tag.group(3), line, found);
                if (RAW.contains(name)) {
                    raw = name;
                }
                else if (!VOID.contains(name) && tag.group(4).isEmpty()) {
                    open.push(new String[] {name, replaces ? "replaced" : ""});
                }
                continue;
            }
            if (raw != null || text.startsWith("<!")) {
                continue;
            }
            boolean replaced = open.stream().anyMatch(element -> element[1].equals("replaced"));
            if (!replaced && isWords(text)) {
                found.add("line " + line + ": " + text.strip());
            }
        }
        return found;
    }

    /** Checks one element's attributes; true when a th: attribute replaces the element's content. */
    private static boolean checkAttributes(String element, String attributes, int line, List<String> found) {
        boolean replaces = false;
        List<String[]> pairs = new ArrayList<>();
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            String value = attribute.group(2) == null ? "" : attribute.group(2);
            if (value.startsWith("\"") || value.startsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            pairs.add(new String[] {attribute.group(1).toLowerCase(), value});
        }
        for (String[] pair : pairs) {
            String name = pair[0];
            String value = pair[1];
            if (REPLACING.contains(name) || name.equals("th:remove") && !value.equals("tag")) {
                replaces = true;
            }
            boolean visible = VISIBLE.contains(name) || name.equals("value") && isButton(element, pairs);
            if (visible && !has(pairs, "th:" + name) && !setByThAttr(pairs, name) && isWords(value)) {
                found.add("line " + line + ": " + name + "=\"" + value + "\"");
            }
            if (EXPRESSIONS.contains(name)) {
                for (String literal : literals(value)) {
                    found.add("line " + line + ": " + name + " literal '" + literal + "'");
                }
            }
            if (name.equals("th:attr")) {
                Matcher visibleSet = Pattern.compile("(aria-label|title|placeholder|alt)\\s*=([^,]*)").matcher(value);
                while (visibleSet.find()) {
                    for (String literal : literals(visibleSet.group(2))) {
                        found.add("line " + line + ": th:attr " + visibleSet.group(1) + " literal '" + literal + "'");
                    }
                }
            }
        }
        return replaces;
    }

    /**
     * The quoted literals with words in an expression, outside message, variable, link and fragment parts; a
     * literal with a slash is an address or a media type, not prose.
     */
    static List<String> literals(String expression) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (depth == 0 && "#$@~*".indexOf(c) >= 0 && i + 1 < expression.length() && expression.charAt(i + 1) == '{') {
                depth = 1;
                i++;
                continue;
            }
            if (depth > 0) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                continue;
            }
            outside.append(c);
        }
        List<String> words = new ArrayList<>();
        Matcher literal = Pattern.compile("'([^']*)'").matcher(outside);
        while (literal.find()) {
            if (isWords(literal.group(1)) && !literal.group(1).contains("/")) {
                words.add(literal.group(1));
            }
        }
        return words;
    }

    private static boolean isButton(String element, List<String[]> pairs) {
        if (element.equals("button")) {
            return true;
        }
        for (String[] pair : pairs) {
            if (pair[0].equals("type") && Set.of("submit", "button", "reset").contains(pair[1].toLowerCase())) {
                return element.equals("input");
            }
        }
        return false;
    }

    private static boolean has(List<String[]> pairs, String name) {
        return pairs.stream().anyMatch(pair -> pair[0].equals(name));
    }

    private static boolean setByThAttr(List<String[]> pairs, String name) {
        return pairs.stream().anyMatch(pair -> pair[0].equals("th:attr") && pair[1].matches("(?s).*\\b" + name + "\\s*=.*"));
    }

    /** True when the text holds a letter that is not part of an allowed name. */
    static boolean isWords(String text) {
        String rest = text;
        for (String allowed : ALLOWED) {
            rest = rest.replaceAll("\\b" + Pattern.quote(allowed) + "\\b", " ");
        }
        return LETTER.matcher(rest).find();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
