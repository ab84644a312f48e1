package org.orrery.web;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import org.orrery.record.ItemRepository;
import org.orrery.record.PutCode;
import org.orrery.record.RecordItem;
import org.orrery.record.RecordRuleException;
import org.orrery.record.RecordWriter;
import org.orrery.record.schema.BodyReader;
import org.orrery.record.schema.InvalidBodyException;
import org.orrery.record.schema.Vocabularies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing the content of an item the researcher added, on its own page; items that applications added can
 * only have their visibility changed or be removed.
 */
@Controller
class RecordItemEditController {

    private static final String EDIT = RecordEditorController.PAGE + "/items/{putCode}/edit";

    private final ItemRepository items;

    private final RecordWriter writer;

    private final Flash flash;

    RecordItemEditController(ItemRepository items, RecordWriter writer, Flash flash) {
        this.flash = flash;
        this.items = items;
        this.writer = writer;
    }

    @GetMapping(EDIT)
    String form(Principal principal, @PathVariable long putCode, Model model, RedirectAttributes redirect) {
        Optional<RecordItem> item = editable(principal, putCode);
        if (item.isEmpty()) {
            redirect.addFlashAttribute("problem", this.flash.text("record.flash.onlyOwn"));
            return "redirect:" + RecordEditorController.PAGE;
        }
        model.addAttribute("item", item.get());
        model.addAttribute("key", item.get().type().listPath());
        model.addAttribute("values", ItemForms.fields(item.get().type(), item.get().body()));
        model.addAttribute("workTypes", Vocabularies.WORK_TYPES.stream().sorted().toList());
        model.addAttribute("fundingTypes", Vocabularies.FUNDING_TYPES.stream().sorted().toList());
        return "record/edit-item";
    }

    @PostMapping(EDIT)
    View save(Principal principal, @PathVariable long putCode, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Optional<RecordItem> item = editable(principal, putCode);
        if (item.isEmpty()) {
            return this.flash.failed(redirect, RecordEditorController.PAGE, "record.flash.onlyOwn");
        }
        try {
            var body = BodyReader.read(item.get().type().schema(), ItemForms.body(item.get().type(), form));
            this.writer.update(principal.getName(), item.get().type(), item.get().putCode(), body, null, null);
        }
        catch (InvalidBodyException | RecordRuleException ex) {
            return this.flash.failed(redirect, RecordEditorController.PAGE + "/items/" + putCode + "/edit",
                    "record.flash.notSaved", ex.getMessage());
        }
        return this.flash.done(redirect, RecordEditorController.PAGE, "record.flash.saved");
    }

    private Optional<RecordItem> editable(Principal principal, long putCode) {
        if (putCode <= 0) {
            return Optional.empty();
        }
        return this.items.find(principal.getName(), new PutCode(putCode))
            .filter(item -> item.source().isResearcher() && ItemForms.hasForm(item.type()));
    }
}
