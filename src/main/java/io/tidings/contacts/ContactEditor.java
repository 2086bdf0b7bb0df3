package io.tidings.contacts;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creating, changing and deleting one contact at a time, with the same checks as the import. */
@Component
class ContactEditor {

    private static final int MAX_CUSTOM_FIELDS = 200;

    private final ContactStore store;
    private final PhoneNormaliser phones;

    ContactEditor(ContactStore store, PhoneNormaliser phones) {
        this.store = store;
        this.phones = phones;
    }

    @Transactional
    public Contact create(NewContact c) {
        String email = c.email() == null || c.email().isBlank() ? null : EmailAddresses.normalise(c.email());
        String country = ContactFields.country(c.country());
        PhoneInfo phone = phone(c.phone(), country);
        if (email == null && phone == null) {
            throw new InvalidInputException("email", "a contact needs an email or a phone");
        }
        String timezone = ContactFields.timezone(c.timezone());
        var values = new ContactRows.Values(ContactFields.text("name", c.name()), email,
                phone == null ? null : phone.e164(), phone == null ? null : phone.region(),
                phone == null ? null : phone.type(), country != null ? country : countryOf(phone),
                timezone != null ? timezone : phone == null ? null : phone.timezone(),
                ContactFields.language(c.language()), ContactFields.text("company", c.company()),
                ContactFields.tags(c.tags()), custom(Map.of(), c.customFields()));
        checkUnique(0, values.email(), values.phone());
        try {
            return store.insert(values);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a contact with this email or phone was stored at the same moment");
        }
    }

    @Transactional
    public Contact update(long id, ContactPatch p) {
        Contact c = store.lock(id).orElseThrow(() -> missing(id));
        String country = p.clears("country") ? null : p.country() != null ? ContactFields.country(p.country()) : c.country();
        String email = p.clears("email") ? null
                : p.email() != null && !p.email().isBlank() ? EmailAddresses.normalise(p.email()) : c.email();
        String phone = c.phone();
        String phoneCountry = c.phoneCountry();
        String phoneType = c.phoneType();
        String timezone = p.clears("timezone") ? null
                : p.timezone() != null ? ContactFields.timezone(p.timezone()) : c.timezone();
        if (p.clears("phone")) {
            phone = phoneCountry = phoneType = null;
        } else if (p.phone() != null && !p.phone().isBlank()) {
            PhoneInfo info = phone(p.phone(), country);
            phone = info.e164();
            phoneCountry = info.region();
            phoneType = info.type();
            timezone = timezone != null ? timezone : info.timezone();
        }
        if (email == null && phone == null) {
            throw new InvalidInputException("email", "a contact needs an email or a phone");
        }
        var values = new ContactRows.Values(
                p.clears("name") ? null : p.name() != null ? ContactFields.text("name", p.name()) : c.name(),
                email, phone, phoneCountry, phoneType, country, timezone,
                p.clears("language") ? null : p.language() != null ? ContactFields.language(p.language()) : c.language(),
                p.clears("company") ? null : p.company() != null ? ContactFields.text("company", p.company()) : c.company(),
                p.clears("tags") ? List.of() : p.tags() != null ? ContactFields.tags(p.tags()) : c.tags(),
                p.clears("customFields") ? Map.of() : custom(c.customFields(), p.customFields()));
        checkUnique(id, email, phone);
        try {
            return store.update(id, values);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a contact with this email or phone was stored at the same moment");
        }
    }

    /** Opt-outs outlive the contact: the address goes on the blocklist, so a re-import cannot undo them. */
    @Transactional
    public void delete(long id, String actor) {
        ContactStore.Deleted d = store.delete(id).orElseThrow(() -> missing(id));
        if (d.emailConsent() == ConsentState.OPTED_OUT && d.email() != null) {
            store.blockIfAbsent(Channel.EMAIL, d.email(), "opted out; contact deleted", actor);
        }
        if (d.smsConsent() == ConsentState.OPTED_OUT && d.phone() != null) {
            store.blockIfAbsent(Channel.SMS, d.phone(), "opted out; contact deleted", actor);
        }
    }

    static NotFoundException missing(long id) {
        return new NotFoundException("no contact with id " + id);
    }

    private PhoneInfo phone(String raw, String country) {
        return raw == null || raw.isBlank() ? null : phones.normalise(raw.strip(), country);
    }

    /** A number's region is the person's country when nothing better is known, unless it has none (001). */
    private static String countryOf(PhoneInfo phone) {
        return phone == null || "001".equals(phone.region()) ? null : phone.region();
    }

    private void checkUnique(long self, String email, String phone) {
        if (email != null) {
            store.idByEmail(email).filter(other -> other != self).ifPresent(other -> {
                throw new ConflictException("contact " + other + " already has the email " + email);
            });
        }
        if (phone != null) {
            store.idByPhone(phone).filter(other -> other != self).ifPresent(other -> {
                throw new ConflictException("contact " + other + " already has the phone " + phone);
            });
        }
    }

    /** JSON Merge Patch for custom fields: a null value removes the key. */
    private static Map<String, Object> custom(Map<String, Object> current, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        if (changes != null) {
            changes.forEach((k, v) -> {
                if (k == null || k.isBlank() || k.length() > ContactFields.MAX_TEXT) {
                    throw new InvalidInputException("customFields", "a custom field needs a name of 1 to "
                            + ContactFields.MAX_TEXT + " characters");
                }
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
        }
        if (merged.size() > MAX_CUSTOM_FIELDS) {
            throw new InvalidInputException("customFields", "more than " + MAX_CUSTOM_FIELDS + " custom fields");
        }
        return merged;
    }
}
