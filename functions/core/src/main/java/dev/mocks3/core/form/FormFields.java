package dev.mocks3.core.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a browser form upload that came before its file, in the order sent. S3 matches
 * field names without regard to case ({@code kEy} is the key); the first of a repeated name counts.
 */
public final class FormFields {
    private final Map<String, Field> byName;

    private FormFields(Map<String, Field> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** One field as sent. */
    public record Field(String name, String value) {
    }

    public static FormFields of(List<Field> fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field);
        }
        return new FormFields(byName);
    }

    /** The value of the field with this name in any case, or null. */
    public String get(String name) {
        Field field = byName.get(name.toLowerCase(Locale.ROOT));
        return field == null ? null : field.value();
    }

    public boolean has(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** These fields with the named one (in any case, keeping the name as sent) holding {@code value}. */
    public FormFields with(String name, String value) {
        Map<String, Field> replaced = new LinkedHashMap<>(byName);
        replaced.computeIfPresent(name.toLowerCase(Locale.ROOT), (lower, field) -> new Field(field.name(), value));
        return new FormFields(replaced);
    }

    /** Every field, first occurrence of each name, in the order sent. */
    public List<Field> all() {
        return new ArrayList<>(byName.values());
    }
}
