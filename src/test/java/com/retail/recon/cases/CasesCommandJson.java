package com.retail.recon.cases;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a field out of a command's JSON document (the document is all its standard output holds). */
final class CasesCommandJson {

    private CasesCommandJson() {
    }

    static String field(String document, String... path) {
        JsonNode node = JsonMapper.builder().build().readTree(document);
        for (String name : path) {
            node = node.get(name);
        }
        return node == null ? null : node.asString();
    }
}
