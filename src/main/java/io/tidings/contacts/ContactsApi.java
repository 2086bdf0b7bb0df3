package io.tidings.contacts;

import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The contacts module's one facade: contacts, consent, the blocklist, CSV import and export.
 *
 * <p>Errors: {@code InvalidInputException} (field + reason) for a bad value, {@code NotFoundException}
 * for an unknown id, {@code ConflictException} for a duplicate email or phone,
 * {@code IllegalArgumentException} for a malformed request such as a bad cursor.
 */
@Service
public class ContactsApi {

    private final ContactStore store;
    private final ContactEditor editor;
    private final ContactSearch search;
    private final Consents consents;
    private final ImportJobs imports;
    private final PhoneNormaliser phones;

    ContactsApi(ContactStore store, ContactEditor editor, ContactSearch search, Consents consents, ImportJobs imports,
                PhoneNormaliser phones) {
        this.store = store;
        this.editor = editor;
        this.search = search;
        this.consents = consents;
        this.imports = imports;
        this.phones = phones;
    }

    // --- contacts

    public Contact create(NewContact contact) {
        return editor.create(contact);
    }

    public Optional<Contact> find(long id) {
        return store.find(id);
    }

    /** @throws io.tidings.shared.NotFoundException when there is no such contact */
    public Contact get(long id) {
        return store.find(id).orElseThrow(() -> ContactEditor.missing(id));
    }

    public Contact update(long id, ContactPatch patch) {
        return editor.update(id, patch);
    }

    /** Opted-out addresses of the contact stay on the blocklist after it is gone. */
    public void delete(long id, String actor) {
        editor.delete(id, actor);
    }

    public ContactPage search(ContactQuery query) {
        return search.search(query);
    }

    /** Writes every contact matching the query (limit and cursor aside) as CSV, streaming page by page. */
    public void exportCsv(ContactQuery query, Writer out) {
        search.export(query, out);
    }

    /** @param region where a number without + is dialled from; null for {@code tidings.default-region} */
    public PhoneInfo normalizePhone(String raw, String region) {
        return phones.normalise(raw, region == null ? null : ContactFields.country(region));
    }

    // --- import

    /**
     * Reads the stream to a spool file in the data directory before returning (so it can be a request
     * body), checks its header, and imports it in the background.
     *
     * @return the import id, for {@link #importStatus}
     */
    public long startImport(InputStream csv, ImportOptions options, String actor) {
        return imports.start(csv, options == null ? ImportOptions.defaults() : options, actor);
    }

    /** Imports a file in place; the caller keeps (and eventually deletes) it. */
    public long startImport(Path csvFile, ImportOptions options, String actor) {
        return imports.start(csvFile, options == null ? ImportOptions.defaults() : options, actor, false);
    }

    public ImportStatus importStatus(long id) {
        return imports.status(id);
    }

    /** The status once the import has finished, or as it stands when the timeout runs out. */
    public ImportStatus awaitImport(long id, Duration timeout) throws InterruptedException {
        return imports.await(id, timeout);
    }

    // --- consent and blocklist

    public ConsentEntry changeConsent(long contactId, ConsentChange change) {
        return consents.change(contactId, change);
    }

    public List<ConsentEntry> consentLog(long contactId) {
        return consents.log(contactId);
    }

    /** False when the contact opted out of the channel, its address is blocklisted, or it has none. */
    public boolean canReceiveMarketing(long contactId, Channel channel) {
        return consents.marketingRefusal(contactId, channel).isEmpty();
    }

    /** Why {@link #canReceiveMarketing} says no, for showing to a person; empty when it says yes. */
    public Optional<String> marketingRefusal(long contactId, Channel channel) {
        return consents.marketingRefusal(contactId, channel);
    }

    /** @param address an email, or a phone in any format (read in the default region) */
    public boolean isBlocked(Channel channel, String address) {
        return consents.isBlocked(channel, address);
    }

    /**
     * {@link #isBlocked} for a sender's whole batch, in one query: which of the addresses are blocklisted,
     * and which are no valid address for the channel (isBlocked would throw for those).
     */
    public BlocklistCheck checkBlocklist(Channel channel, Collection<String> addresses) {
        return consents.checkBlocklist(channel, addresses);
    }

    /**
     * {@link #marketingRefusal} for a sender's whole batch, in one query: each contact that may not receive
     * marketing on the channel maps to why (an unknown id too); the ids that may are absent.
     */
    public Map<Long, String> marketingRefusals(Collection<Long> contactIds, Channel channel) {
        return consents.marketingRefusals(contactIds, channel);
    }

    /** The contact id of each email that belongs to a contact, keyed by the lowercase email; one query. */
    public Map<String, Long> contactIdsByEmail(Collection<String> emails) {
        Set<String> lower = new HashSet<>();
        for (String e : emails) {
            if (e != null && !e.isBlank()) {
                lower.add(e.strip().toLowerCase(Locale.ROOT));
            }
        }
        return lower.isEmpty() ? Map.of() : store.idsByEmail(lower);
    }

    public BlockedAddress block(Channel channel, String address, String reason, String actor) {
        return consents.block(channel, address, reason, actor);
    }

    /** @return whether the address was on the blocklist */
    public boolean unblock(Channel channel, String address) {
        return consents.unblock(channel, address);
    }

    /**
     * @param channel null for both
     * @param after   null for the first page, else {@code channel:address} of the last entry seen
     */
    public List<BlockedAddress> blocklist(Channel channel, String after, int limit) {
        return consents.list(channel, after, limit);
    }
}
