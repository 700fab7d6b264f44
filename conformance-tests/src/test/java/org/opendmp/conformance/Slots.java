package org.opendmp.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders ebRIM Slots from names and values. */
final class Slots {

    private Slots() {
    }

    static String render(String name, List<String> values) {
        StringBuilder rendered = new StringBuilder();
        for (String value : values) {
            rendered.append("<rim:Value>").append(Xml.escape(value)).append("</rim:Value>");
        }
        return Template.of("metadata/slot.xml").with("name", name).withXml("values", rendered.toString())
                .render();
    }

    static String render(Map<String, List<String>> slots) {
        StringBuilder out = new StringBuilder();
        slots.forEach((name, values) -> out.append(render(name, values)));
        return out.toString();
    }

    static Map<String, List<String>> ordered() {
        return new LinkedHashMap<>();
    }
}
