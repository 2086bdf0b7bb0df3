package io.tidings.contacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows to records and back. JSON in the database uses its own mapper, untouched by web settings. */
final class ContactRows {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ContactRows() {
    }

    /** Column values of a contact as the insert and update statements bind them. */
    record Values(String name, String email, String phone, String phoneCountry, String phoneType, String country,
                  String timezone, String language, String company, List<String> tags,
                  Map<String, Object> customFields) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("name", name).param("email", email).param("phone", phone)
                    .param("phoneCountry", phoneCountry).param("phoneType", phoneType).param("country", country)
                    .param("timezone", timezone).param("language", language).param("company", company)
                    .param("tags", JSON.writeValueAsString(tags == null ? List.of() : tags))
                    .param("customFields", JSON.writeValueAsString(customFields == null ? Map.of() : customFields));
        }
    }

    static Contact contact(ResultSet rs, int rowNum) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("phone_country"), rs.getString("phone_type"), rs.getString("country"),
                rs.getString("timezone"), rs.getString("language"), rs.getString("company"), tags(rs.getArray("tags")),
                json(rs.getString("custom_fields")), ConsentState.parse(rs.getString("email_consent")),
                ConsentState.parse(rs.getString("sms_consent")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static ConsentEntry consentEntry(ResultSet rs, int rowNum) throws SQLException {
        return new ConsentEntry(rs.getLong("id"), rs.getLong("contact_id"), Channel.parse(rs.getString("channel")),
                ConsentState.parse(rs.getString("state")), rs.getString("how"), rs.getString("source"),
                rs.getString("actor"), rs.getString("ip"), instant(rs, "changed_at"));
    }

    static BlockedAddress blocked(ResultSet rs, int rowNum) throws SQLException {
        return new BlockedAddress(Channel.parse(rs.getString("channel")), rs.getString("address"),
                rs.getString("reason"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    static Map<String, Object> json(String text) {
        return text == null ? Map.of() : JSON.readValue(text, MAP);
    }

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
