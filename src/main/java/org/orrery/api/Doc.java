package org.orrery.api;

import org.orrery.record.schema.Node;

import tools.jackson.databind.JsonNode;

/** A document to answer with: its ORCID JSON tree and the schema that lays it out as XML. */
record Doc(Node schema, JsonNode json) {
}
