package org.orrery.web;

import java.security.Principal;
import java.util.Map;

import org.orrery.record.ItemType;
import org.orrery.record.PutCode;
import org.orrery.record.ReadAccess;
import org.orrery.record.RecordReader;
import org.orrery.record.RecordRuleException;
import org.orrery.record.RecordSettingsWriter;
import org.orrery.record.RecordView;
import org.orrery.record.RecordWriter;
import org.orrery.record.Section;
import org.orrery.record.Visibility;
import org.orrery.record.schema.BodyReader;
import org.orrery.record.schema.InvalidBodyException;
import org.orrery.record.schema.Vocabularies;
import org.orrery.registry.Researcher;
import org.orrery.registry.ResearcherRepository;
import org.orrery.system.PlainText;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The researcher's record editor at {@code /my-orcid/record}: default visibility, name, biography, email
 * visibility, adding items, and each item's visibility and removal. Every form posts with CSRF and answers
 * with a 303 back to the editor.
 */
@Controller
class RecordEditorController {

    static final String PAGE = "/my-orcid/record";

    private static final String UNKNOWN_VISIBILITY = "record.flash.unknownVisibility";

    private final RecordReader reader;

    private final RecordWriter writer;

    private final RecordSettingsWriter settings;

    private final ResearcherRepository researchers;

    private final GroupNames groupNames;

    private final Flash flash;

    private final ItemTypeNames typeNames;

    RecordEditorController(RecordReader reader, RecordWriter writer, RecordSettingsWriter settings,
            ResearcherRepository researchers, GroupNames groupNames, Flash flash, ItemTypeNames typeNames) {
        this.typeNames = typeNames;
        this.groupNames = groupNames;
        this.flash = flash;
        this.reader = reader;
        this.writer = writer;
        this.settings = settings;
        this.researchers = researchers;
    }

    @GetMapping(PAGE)
    String editor(Principal principal, Model model) {
        Researcher researcher = researcher(principal);
        RecordView view = this.reader.view(researcher, ReadAccess.owner());
        model.addAttribute("researcher", researcher);
        model.addAttribute("settings", view.settings());
        model.addAttribute("visibilities", Visibility.values());
        Map<String, String> names = this.groupNames.of(view.visible());
        model.addAttribute("person", RecordPageModel.sections(view, Section.PERSON, true, names,
                this.typeNames.inCurrentLanguage()));
        model.addAttribute("activities", RecordPageModel.sections(view, Section.ACTIVITY, true, names,
                this.typeNames.inCurrentLanguage()));
        model.addAttribute("workTypes", Vocabularies.WORK_TYPES.stream().sorted().toList());
        model.addAttribute("fundingTypes", Vocabularies.FUNDING_TYPES.stream().sorted().toList());
        return "record/edit";
    }

    @PostMapping(PAGE + "/default-visibility")
    View defaultVisibility(Principal principal, @RequestParam String visibility, RedirectAttributes redirect) {
        Visibility chosen = parse(visibility);
        if (chosen == null) {
            return failed(redirect, UNKNOWN_VISIBILITY);
        }
        this.settings.setDefaultVisibility(principal.getName(), chosen);
        return done(redirect, "record.flash.defaultVisibility", this.flash.text("visibility." + chosen.orcidName()));
    }

    @PostMapping(PAGE + "/name")
    View name(Principal principal, @RequestParam String givenNames, @RequestParam(required = false) String familyName,
            @RequestParam(required = false) String creditName, @RequestParam String visibility,
            RedirectAttributes redirect) {
        if (givenNames.isBlank() || givenNames.length() > 150 || length(familyName) > 150 || length(creditName) > 150) {
            return failed(redirect, "record.flash.nameInvalid");
        }
        if (PlainText.hasForbiddenCharacters(givenNames, false) || PlainText.hasForbiddenCharacters(familyName, false)
                || PlainText.hasForbiddenCharacters(creditName, false)) {
            return failed(redirect, "record.flash.nameControl");
        }
        if (parse(visibility) == null) {
            return failed(redirect, UNKNOWN_VISIBILITY);
        }
        this.settings.setName(principal.getName(), givenNames.trim(), blankToNull(familyName), blankToNull(creditName),
                parse(visibility));
        return done(redirect, "record.flash.nameSaved");
    }

    @PostMapping(PAGE + "/biography")
    View biography(Principal principal, @RequestParam(required = false) String biography,
            @RequestParam String visibility, RedirectAttributes redirect) {
        if (length(biography) > 5000) {
            return failed(redirect, "record.flash.biographyTooLong");
        }
        if (PlainText.hasForbiddenCharacters(biography, true)) {
            return failed(redirect, "record.flash.biographyControl");
        }
        if (parse(visibility) == null) {
            return failed(redirect, UNKNOWN_VISIBILITY);
        }
        this.settings.setBiography(principal.getName(), biography, parse(visibility));
        return done(redirect, "record.flash.biographySaved");
    }

    @PostMapping(PAGE + "/email-visibility")
    View emailVisibility(Principal principal, @RequestParam String visibility, RedirectAttributes redirect) {
        if (parse(visibility) == null) {
            return failed(redirect, UNKNOWN_VISIBILITY);
        }
        this.settings.setEmailVisibility(principal.getName(), parse(visibility));
        return done(redirect, "record.flash.emailVisibilitySaved");
    }

    @PostMapping(PAGE + "/items/{section}")
    View add(Principal principal, @PathVariable String section, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        ItemType type = ItemType.byListPath(section);
        if (type == null || !ItemForms.hasForm(type)) {
            return failed(redirect, "record.flash.cannotAdd");
        }
        try {
            var body = BodyReader.read(type.schema(), ItemForms.body(type, form));
            this.writer.add(principal.getName(), type, body, null);
        }
        catch (InvalidBodyException ex) {
            return failed(redirect, "record.flash.notAdded", ex.getMessage());
        }
        catch (RecordRuleException ex) {
            return failed(redirect, "record.flash.notAdded", ex.getMessage());
        }
        return done(redirect, "record.flash.added." + type.listPath());
    }

    @PostMapping(PAGE + "/items/{putCode}/visibility")
    View itemVisibility(Principal principal, @PathVariable long putCode, @RequestParam String visibility,
            RedirectAttributes redirect) {
        if (parse(visibility) == null) {
            return failed(redirect, UNKNOWN_VISIBILITY);
        }
        try {
            this.writer.setVisibility(principal.getName(), new PutCode(putCode), parse(visibility));
        }
        catch (RecordRuleException | IllegalArgumentException ex) {
            return failed(redirect, "record.flash.notOnRecord");
        }
        return done(redirect, "record.flash.visibilitySaved");
    }

    @PostMapping(PAGE + "/items/{putCode}/delete")
    View delete(Principal principal, @PathVariable long putCode, RedirectAttributes redirect) {
        try {
            this.writer.remove(principal.getName(), new PutCode(putCode));
        }
        catch (RecordRuleException | IllegalArgumentException ex) {
            return failed(redirect, "record.flash.notOnRecord");
        }
        return done(redirect, "record.flash.removed");
    }

    private Researcher researcher(Principal principal) {
        return this.researchers.findByOrcid(principal.getName()).orElseThrow();
    }

    /** The visibility named, or null when the form named none of them. */
    private static Visibility parse(String visibility) {
        try {
            return Visibility.parse(visibility);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private View done(RedirectAttributes redirect, String key, Object... args) {
        return this.flash.done(redirect, PAGE, key, args);
    }

    private View failed(RedirectAttributes redirect, String key, Object... args) {
        return this.flash.failed(redirect, PAGE, key, args);
    }

    /** A 303 back to a page after a form post (flash attributes travel with it). */
    static View seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
