package org.orrery.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.orrery.record.ItemType;
import org.orrery.record.RecordSettings;
import org.orrery.record.RecordView;
import org.orrery.record.Section;
import org.orrery.record.Source;
import org.orrery.record.Visibility;
import org.orrery.record.schema.DocumentSchemas;
import org.orrery.record.schema.Node;
import org.orrery.registry.Researcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The composite documents: name, biography, emails, person, personal details, activities summary and the whole
 * record, each built only from what the reader may see.
 */
final class RecordDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ItemJson items;

    private final SectionDocuments sections;

    RecordDocuments(ItemJson items) {
        this.items = items;
        this.sections = new SectionDocuments(items);
    }

    JsonNode name(RecordView view) {
        if (!view.access().canSeePersonField(view.settings().nameVisibility())) {
            return NODES.nullNode();
        }
        Researcher researcher = view.researcher();
        ObjectNode json = NODES.objectNode();
        json.set("created-date", ItemJson.date(researcher.createdAt()));
        json.set("last-modified-date", ItemJson.date(researcher.createdAt()));
        json.set("given-names", value(researcher.givenNames()));
        json.set("family-name", value(researcher.familyName()));
        json.set("credit-name", value(researcher.creditName()));
        json.putNull("source");
        json.put("visibility", view.settings().nameVisibility().orcidName());
        json.put("path", view.orcid());
        return json;
    }

    /** Null (a JSON null) when there is none or the reader may not see it. */
    JsonNode biography(RecordView view) {
        RecordSettings settings = view.settings();
        if (!settings.hasBiography() || !view.access().canSeePersonField(settings.biographyVisibility())) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode();
        json.set("created-date", ItemJson.date(settings.biographyCreatedAt()));
        json.set("last-modified-date", ItemJson.date(settings.biographyModifiedAt()));
        json.put("content", settings.biography());
        json.put("visibility", settings.biographyVisibility().orcidName());
        json.put("path", "/" + view.orcid() + "/biography");
        return json;
    }

    Doc biographyDoc(RecordView view) {
        return new Doc(DocumentSchemas.biography("personal-details"), biography(view));
    }

    /**
     * The account's verified addresses the reader may see (primary first), then e-mail items of the record that
     * name another verified address: an unverified address is never shown.
     */
    Doc emails(RecordView view) {
        List<ObjectNode> extra = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        Source researcher = new Source(null, view.researcher().displayName());
        for (org.orrery.record.AccountEmail email : view.emails()) {
            if (view.access().denial(ItemType.EMAIL, email.visibility(), researcher) != null) {
                continue;
            }
            ObjectNode entry = NODES.objectNode();
            entry.set("created-date", ItemJson.date(email.addedAt()));
            entry.set("last-modified-date",
                    ItemJson.date(email.verifiedAt() == null ? email.addedAt() : email.verifiedAt()));
            entry.set("source", this.items.source(researcher, view.orcid()));
            entry.put("email", email.address());
            entry.putNull("path");
            entry.put("visibility", email.visibility().orcidName());
            entry.put("verified", true);
            entry.put("primary", email.primary());
            entry.putNull("put-code");
            extra.add(entry);
            listed.add(email.address());
        }
        List<org.orrery.record.RecordItem> items = SectionDocuments.ofType(view.visible(), ItemType.EMAIL).stream()
            .filter(item -> !listed.contains(item.body().path("email").asString("").trim().toLowerCase(java.util.Locale.ROOT)))
            .toList();
        return this.sections.personSection(view.orcid(), ItemType.EMAIL, items, extra);
    }

    Doc personSection(RecordView view, ItemType type) {
        if (type == ItemType.EMAIL) {
            return emails(view);
        }
        return this.sections.personSection(view.orcid(), type, SectionDocuments.ofType(view.visible(), type),
                List.of());
    }

    Doc activitySection(RecordView view, ItemType type) {
        return this.sections.activitySection(view.orcid(), type, SectionDocuments.ofType(view.visible(), type));
    }

    Doc personalDetails(RecordView view) {
        Doc otherNames = personSection(view, ItemType.OTHER_NAME);
        ObjectNode json = NODES.objectNode();
        JsonNode name = name(view);
        JsonNode biography = biography(view);
        json.set("last-modified-date", ItemJson.date(latest(otherNames.json(), name, biography)));
        json.set("name", name);
        json.set("other-names", otherNames.json());
        json.set("biography", biography);
        json.put("path", "/" + view.orcid() + "/personal-details");
        return new Doc(DocumentSchemas.personalDetails(otherNames.schema()), json);
    }

    Doc person(RecordView view) {
        ObjectNode json = NODES.objectNode();
        JsonNode name = name(view);
        JsonNode biography = biography(view);
        List<Doc> lists = new ArrayList<>();
        for (ItemType type : ItemType.of(Section.PERSON)) {
            lists.add(personSection(view, type));
        }
        List<JsonNode> dated = new ArrayList<>(List.of(name, biography));
        lists.forEach(doc -> dated.add(doc.json()));
        json.set("last-modified-date", ItemJson.date(latest(dated.toArray(JsonNode[]::new))));
        json.set("name", name);
        json.set("other-names", lists.get(0).json());
        json.set("biography", biography);
        json.set("researcher-urls", lists.get(1).json());
        json.set("emails", lists.get(2).json());
        json.set("addresses", lists.get(3).json());
        json.set("keywords", lists.get(4).json());
        json.set("external-identifiers", lists.get(5).json());
        json.put("path", "/" + view.orcid() + "/person");
        Node schema = DocumentSchemas.person(lists.get(0).schema(), lists.get(1).schema(), lists.get(2).schema(),
                lists.get(3).schema(), lists.get(4).schema(), lists.get(5).schema());
        return new Doc(schema, json);
    }

    Doc activities(RecordView view) {
        ObjectNode json = NODES.objectNode();
        List<Node> schemas = new ArrayList<>();
        List<JsonNode> dated = new ArrayList<>();
        json.putNull("last-modified-date");
        for (ItemType type : ItemType.of(Section.ACTIVITY)) {
            Doc section = activitySection(view, type);
            json.set(type.listPath(), section.json());
            schemas.add(section.schema());
            dated.add(section.json());
        }
        json.set("last-modified-date", ItemJson.date(latest(dated.toArray(JsonNode[]::new))));
        json.put("path", "/" + view.orcid() + "/activities");
        return new Doc(DocumentSchemas.activities(schemas), json);
    }

    Doc record(RecordView view, ObjectNode orcidIdentifier) {
        Doc person = person(view);
        Doc activities = activities(view);
        ObjectNode json = NODES.objectNode();
        json.set("orcid-identifier", orcidIdentifier);
        json.putObject("preferences").put("locale", "en");
        ObjectNode history = json.putObject("history");
        history.put("creation-method", "DIRECT");
        history.putNull("completion-date");
        history.set("submission-date", ItemJson.date(view.researcher().createdAt()));
        history.set("last-modified-date", ItemJson.date(latest(person.json(), activities.json())));
        history.put("claimed", true);
        history.putNull("source");
        history.putNull("deactivation-date");
        history.put("verified-email", !view.emails().isEmpty());
        history.put("verified-primary-email", view.emails().stream().anyMatch(org.orrery.record.AccountEmail::primary));
        json.set("person", person.json());
        json.set("activities-summary", activities.json());
        json.put("path", "/" + view.orcid());
        return new Doc(DocumentSchemas.record(person.schema(), activities.schema()), json);
    }

    private static JsonNode value(String text) {
        if (text == null || text.isBlank()) {
            return NODES.nullNode();
        }
        ObjectNode json = NODES.objectNode();
        json.put("value", text);
        return json;
    }

    /** The latest {@code last-modified-date} among documents (null when none has one). */
    private static Instant latest(JsonNode... documents) {
        return Arrays.stream(documents)
            .filter(Objects::nonNull)
            .map(doc -> doc.path("last-modified-date").path("value"))
            .filter(JsonNode::isNumber)
            .map(value -> Instant.ofEpochMilli(value.asLong()))
            .max(Comparator.naturalOrder())
            .orElse(null);
    }
}
