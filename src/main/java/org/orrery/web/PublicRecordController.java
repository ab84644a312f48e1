package org.orrery.web;

import org.orrery.lifecycle.LifecyclePages;
import org.orrery.lifecycle.RecordLifecycle;

import org.orrery.record.ReadAccess;
import org.orrery.record.RecordReader;
import org.orrery.record.RecordView;
import org.orrery.record.Section;
import org.orrery.record.Visibility;
import org.orrery.registry.Researcher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public record page at {@code {base}/{orcid}}: what the public API shows, for people. */
@Controller
class PublicRecordController {

    static final String PATTERN = "/{orcid:[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]}";

    private final RecordReader reader;

    private final RecordLifecycle lifecycle;

    private final GroupNames groupNames;

    private final ItemTypeNames typeNames;

    PublicRecordController(RecordReader reader, RecordLifecycle lifecycle, GroupNames groupNames,
            ItemTypeNames typeNames) {
        this.groupNames = groupNames;
        this.typeNames = typeNames;
        this.reader = reader;
        this.lifecycle = lifecycle;
    }

    @GetMapping(PATTERN)
    String record(@PathVariable String orcid, Model model) {
        Researcher researcher = this.reader.researcher(orcid)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String inactive = LifecyclePages.publicPage(this.lifecycle, orcid, model);
        if (inactive != null) {
            return inactive;
        }
        RecordView view = this.reader.view(researcher, ReadAccess.publicApi());
        boolean namePublic = view.settings().nameVisibility() == Visibility.PUBLIC;
        model.addAttribute("orcid", orcid);
        model.addAttribute("name", namePublic ? researcher.displayName() : null);
        model.addAttribute("biography", view.settings().hasBiography()
                && view.settings().biographyVisibility() == Visibility.PUBLIC ? view.settings().biography() : null);
        var names = this.groupNames.of(view.visible());
        model.addAttribute("person", RecordPageModel.sections(view, Section.PERSON, false, names,
                this.typeNames.inCurrentLanguage()));
        model.addAttribute("activities", RecordPageModel.sections(view, Section.ACTIVITY, false, names,
                this.typeNames.inCurrentLanguage()));
        return "record/public";
    }
}
