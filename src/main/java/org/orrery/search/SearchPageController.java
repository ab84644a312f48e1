package org.orrery.search;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's search page, {@code /orcid-search/search}: ORCID's quick search ({@code searchQuery}) and advanced
 * fields, 50 results a page, with iD, names, other names and affiliations, and "Name is private" where it is.
 */
@Controller
class SearchPageController {

    static final String PATH = "/orcid-search/search";

    static final int PAGE_SIZE = 50;

    private static final int MAX_PAGE = 200;

    private static final int MAX_INPUT = 500;

    private final RegistrySearch search;

    SearchPageController(RegistrySearch search) {
        this.search = search;
    }

    @GetMapping({ PATH, PATH + "/" })
    String search(@RequestParam(required = false) String searchQuery,
            @RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String keyword, @RequestParam(required = false) String institution,
            @RequestParam(required = false) String otherNames, @RequestParam(required = false) String page,
            Model model) {
        model.addAttribute("searchQuery", searchQuery == null ? "" : searchQuery);
        model.addAttribute("firstName", firstName);
        model.addAttribute("lastName", lastName);
        model.addAttribute("keyword", keyword);
        model.addAttribute("institution", institution);
        model.addAttribute("otherNames", otherNames != null);
        if (tooLong(searchQuery, firstName, lastName, keyword, institution)) {
            model.addAttribute("problem", "search.error.tooLong");
            return "search/search";
        }
        Map<String, String[]> parameters = searchQuery != null && !searchQuery.isBlank()
                ? RegistrySearchQueries.quick(searchQuery)
                : RegistrySearchQueries.advanced(firstName, lastName, otherNames != null, keyword, institution);
        if (parameters == null) {
            return "search/search";
        }
        int pageNumber = pageNumber(page);
        try {
            SearchResult result = this.search.search(SearchParameters.from(parameters), (pageNumber - 1) * PAGE_SIZE,
                    PAGE_SIZE);
            long pages = Math.max(1, Math.min(MAX_PAGE, (result.numFound() + PAGE_SIZE - 1) / PAGE_SIZE));
            model.addAttribute("result", result);
            model.addAttribute("page", pageNumber);
            model.addAttribute("pages", pages);
        }
        catch (SearchQueryException ex) {
            model.addAttribute("problem", "search.error.query");
        }
        return "search/search";
    }

    private static int pageNumber(String page) {
        try {
            int number = page == null ? 1 : Integer.parseInt(page.trim());
            return Math.max(1, Math.min(MAX_PAGE, number));
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    private static boolean tooLong(String... values) {
        return java.util.Arrays.stream(values).anyMatch(value -> value != null && value.length() > MAX_INPUT);
    }
}
