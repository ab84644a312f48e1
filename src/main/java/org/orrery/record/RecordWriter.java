package org.orrery.record;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.orrery.audit.AuditEventType;
import org.orrery.audit.AuditTrail;
import org.orrery.record.RecordRuleException.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds, changes and removes record items under ORCID's write rules: a new item takes the record's default
 * visibility and its writer as source; only the source may change or remove it; one source may not add the
 * same activity (same {@code self} external identifier) twice; an API client may not change visibility.
 * A {@code clientId} of null means the researcher. Every change goes on the audit trail.
 */
@Service
public class RecordWriter {

    private final ItemRepository items;

    private final RecordSettingsRepository settings;

    private final AuditTrail audit;

    private final List<RecordItemHook> hooks;

    public RecordWriter(ItemRepository items, RecordSettingsRepository settings, AuditTrail audit,
            List<RecordItemHook> hooks) {
        this.items = items;
        this.settings = settings;
        this.audit = audit;
        this.hooks = List.copyOf(hooks);
    }

    @Transactional
    public RecordItem add(String orcid, ItemType type, ObjectNode body, String clientId) {
        this.hooks.forEach(hook -> hook.beforeWrite(orcid, type, body, clientId));
        List<RecordItem> existing = type.section() == Section.ACTIVITY
                ? this.items.findByTypeAndSource(orcid, type, clientId) : List.of();
        refuseDuplicate(existing, type, body, clientId, null);
        Visibility visibility = this.settings.find(orcid)
            .map(RecordSettings::defaultVisibility)
            .orElse(RecordSettings.defaults(orcid, Instant.now()).defaultVisibility());
        PutCode putCode = this.items.insert(orcid, type, clientId, visibility, body, Instant.now());
        written(orcid, clientId, type.label() + " " + putCode.value() + " added");
        RecordItem added = this.items.find(orcid, putCode).orElseThrow();
        this.hooks.forEach(hook -> hook.afterWrite(orcid, type, added, RecordItemHook.Change.CREATE, clientId));
        return added;
    }

    /** Replaces an item's fields; {@code incomingVisibility} (may be null) must equal the current one. */
    @Transactional
    public RecordItem update(String orcid, ItemType type, PutCode putCode, ObjectNode body,
            Visibility incomingVisibility, String clientId) {
        RecordItem current = sourcedItem(orcid, type, putCode, clientId);
        this.hooks.forEach(hook -> hook.beforeWrite(orcid, type, body, clientId));
        if (incomingVisibility != null && incomingVisibility != current.visibility()) {
            throw new RecordRuleException(Rule.VISIBILITY_CHANGE, type,
                    "The visibility of an item can only be changed by the researcher");
        }
        if (type.section() == Section.ACTIVITY) {
            refuseDuplicate(this.items.findByTypeAndSource(orcid, type, clientId), type, body, clientId, putCode);
        }
        this.items.updateBody(orcid, putCode, body, Instant.now());
        written(orcid, clientId, type.label() + " " + putCode.value() + " updated");
        RecordItem updated = this.items.find(orcid, putCode).orElseThrow();
        this.hooks.forEach(hook -> hook.afterWrite(orcid, type, updated, RecordItemHook.Change.UPDATE, clientId));
        return updated;
    }

    @Transactional
    public void delete(String orcid, ItemType type, PutCode putCode, String clientId) {
        RecordItem deleted = sourcedItem(orcid, type, putCode, clientId);
        this.items.delete(orcid, putCode);
        written(orcid, clientId, type.label() + " " + putCode.value() + " deleted");
        this.hooks.forEach(hook -> hook.afterWrite(orcid, type, deleted, RecordItemHook.Change.DELETE, clientId));
    }

    /** The researcher sets an item's visibility, whoever its source is. */
    @Transactional
    public void setVisibility(String orcid, PutCode putCode, Visibility visibility) {
        if (this.items.find(orcid, putCode).isEmpty()) {
            throw new RecordRuleException(Rule.NOT_FOUND, null, "No item " + putCode + " on this record");
        }
        this.items.updateVisibility(orcid, putCode, visibility, Instant.now());
        written(orcid, null, "item " + putCode.value() + " made " + visibility.orcidName());
    }

    /** The researcher removes an item from their record, whoever its source is. */
    @Transactional
    public void remove(String orcid, PutCode putCode) {
        if (!this.items.delete(orcid, putCode)) {
            throw new RecordRuleException(Rule.NOT_FOUND, null, "No item " + putCode + " on this record");
        }
        written(orcid, null, "item " + putCode.value() + " removed");
    }

    private void written(String orcid, String clientId, String what) {
        this.audit.record(AuditEventType.RECORD_WRITTEN, orcid, clientId, null, what);
    }

    private RecordItem sourcedItem(String orcid, ItemType type, PutCode putCode, String clientId) {
        RecordItem current = this.items.find(orcid, putCode)
            .filter(item -> item.type() == type)
            .orElseThrow(() -> new RecordRuleException(Rule.NOT_FOUND, type,
                    "No " + type.label() + " with put-code " + putCode + " on " + orcid));
        boolean isSource = clientId == null ? current.source().isResearcher() : current.source().isClient(clientId);
        if (!isSource) {
            throw new RecordRuleException(Rule.NOT_SOURCE, type,
                    "You are not the source of the " + type.label() + ", so you are not allowed to update it.");
        }
        return current;
    }

    private static void refuseDuplicate(List<RecordItem> existing, ItemType type, ObjectNode body, String clientId,
            PutCode self) {
        Set<String> incoming = selfIds(type, body);
        if (incoming.isEmpty()) {
            return;
        }
        for (RecordItem item : existing) {
            boolean sameSource = clientId == null ? item.source().isResearcher() : item.source().isClient(clientId);
            if (!sameSource || item.putCode().equals(self)) {
                continue;
            }
            Set<String> shared = new HashSet<>(selfIds(type, item.body()));
            shared.retainAll(incoming);
            if (!shared.isEmpty()) {
                throw new RecordRuleException(Rule.DUPLICATE, type, "The " + type.label() + " with put-code "
                        + item.putCode() + " already has the external identifier "
                        + shared.iterator().next().replace('\u0000', ':'));
            }
        }
    }

    private static Set<String> selfIds(ItemType type, JsonNode body) {
        JsonNode ids = type == ItemType.PEER_REVIEW ? body.path("review-identifiers")
                : type == ItemType.RESEARCH_RESOURCE ? body.path("proposal").path("external-ids")
                        : body.path("external-ids");
        Set<String> keys = new HashSet<>();
        for (JsonNode id : ids.path("external-id")) {
            String relationship = id.path("external-id-relationship").asString("self");
            if (relationship.equals("self")) {
                keys.add(ActivityGroups.key(id));
            }
        }
        return keys;
    }
}
