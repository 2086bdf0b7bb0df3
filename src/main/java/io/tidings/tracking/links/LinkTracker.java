package io.tidings.tracking.links;

import io.tidings.shared.InvalidInputException;
import io.tidings.tracking.LinkDomain;
import io.tidings.tracking.LinkStats;
import io.tidings.tracking.SendClicks;
import io.tidings.tracking.ShortenedText;
import io.tidings.tracking.TrackedLink;
import io.tidings.tracking.TrackingApi;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@link TrackingApi}: checks links against the allow-list and makes per-recipient short links. */
@Service
class LinkTracker implements TrackingApi {

    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_TARGET_LENGTH = 2000;
    // A retry covers a random code that clashed or a row another node inserted meanwhile; more
    // than a few in a row means something else is wrong.
    private static final int ATTEMPTS = 5;

    private final TrackingStore store;
    private final PublicBaseUrl base;
    private final ShortCodes codes = new ShortCodes();

    LinkTracker(TrackingStore store, PublicBaseUrl base) {
        this.store = store;
        this.base = base;
    }

    @Override
    public List<LinkDomain> domains() {
        return store.domains();
    }

    @Override
    public LinkDomain allowDomain(String domain, String addedBy) {
        return store.addDomain(LinkDomains.normalize(domain), addedBy == null ? "unknown" : addedBy);
    }

    @Override
    public boolean removeDomain(String domain) {
        return store.deleteDomain(LinkDomains.normalize(domain));
    }

    @Override
    public List<String> checkLinks(String text) {
        return checked(text).stream().map(LinkFinder.Found::url).toList();
    }

    @Override
    public ShortenedText shorten(String text, String sendId, String recipientKey) {
        checkKey("sendId", sendId);
        checkKey("recipientKey", recipientKey);
        List<LinkFinder.Found> found = checked(text);
        StringBuilder out = new StringBuilder(text.length());
        Map<String, TrackedLink> byTarget = new HashMap<>();
        List<TrackedLink> links = new ArrayList<>();
        int last = 0;
        for (LinkFinder.Found f : found) {
            TrackedLink link = byTarget.get(f.url());
            if (link == null) {
                link = track(sendId, recipientKey, f.url());
                byTarget.put(f.url(), link);
                links.add(link);
            }
            out.append(text, last, f.start()).append(link.shortUrl());
            last = f.end();
        }
        out.append(text, last, text.length());
        return new ShortenedText(out.toString(), List.copyOf(links));
    }

    @Override
    public List<String> linksIn(String text) {
        if (text == null) {
            return List.of();
        }
        List<Map.Entry<Integer, String>> all = new ArrayList<>(ShortLinkPolicy.bareShortLinks(text));
        LinkFinder.find(text).forEach(f -> all.add(Map.entry(f.start(), f.url())));
        all.sort(Map.Entry.comparingByKey());
        return all.stream().map(Map.Entry::getValue).toList();
    }

    @Override
    public String withoutLinks(String text, String placeholder) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (LinkFinder.Found f : LinkFinder.find(text)) {
            out.append(text, last, f.start()).append(placeholder);
            last = f.end();
        }
        out.append(text, last, text.length());
        return ShortLinkPolicy.replaceBare(out.toString(), placeholder);
    }

    @Override
    public SendClicks clicks(String sendId) {
        checkKey("sendId", sendId);
        List<LinkStats> links = store.linkStats(sendId);
        long clicks = links.stream().mapToLong(LinkStats::clicks).sum();
        return new SendClicks(sendId, clicks, clicks == 0 ? 0 : store.sendClickers(sendId), links);
    }

    @Override
    public long clicksBy(String sendId, String recipientKey) {
        checkKey("sendId", sendId);
        checkKey("recipientKey", recipientKey);
        return store.clicksBy(sendId, recipientKey);
    }

    /** For the redirect: the stored target of a code, recording the click when {@code record} is set. */
    Optional<String> follow(String code, boolean record, String userAgentHash) {
        if (!ShortCodes.wellFormed(code)) {
            return Optional.empty();
        }
        return record ? store.follow(code, userAgentHash) : store.target(code);
    }

    private List<LinkFinder.Found> checked(String text) {
        if (text == null) {
            throw new InvalidInputException("text", "A text is needed.");
        }
        ShortLinkPolicy.bareShortLink(text).ifPresent(link -> {
            throw new InvalidInputException("text", ShortLinkPolicy.error(link));
        });
        List<LinkFinder.Found> found = LinkFinder.find(text);
        Set<String> allowedHosts = new HashSet<>();
        for (LinkFinder.Found f : found) {
            if (f.host().isEmpty()) {
                throw new InvalidInputException("text", "link " + f.url() + " has no domain; write the domain out, "
                        + "variables may only follow it");
            }
            if (ShortLinkPolicy.isShortener(f.host()) || base.isOurShortLink(f.url())) {
                throw new InvalidInputException("text", ShortLinkPolicy.error(f.url()));
            }
            if (f.url().length() > MAX_TARGET_LENGTH) {
                throw new InvalidInputException("text", "link " + f.url().substring(0, 60) + "… is longer than "
                        + MAX_TARGET_LENGTH + " characters");
            }
            if (!allowedHosts.contains(f.host())) {
                if (!store.anyAllowed(LinkDomains.allowingCandidates(f.host()))) {
                    throw new InvalidInputException("text", "link domain " + f.host() + " is not in the allow-list ("
                            + f.url() + "); an admin or marketer can add it under tracking domains");
                }
                allowedHosts.add(f.host());
            }
        }
        return found;
    }

    private TrackedLink track(String sendId, String recipientKey, String target) {
        long linkId = insertOrFind(() -> store.insertLink(sendId, target), () -> store.findLink(sendId, target));
        String code = insertOrFind(() -> store.insertCode(codes.next(), linkId, recipientKey),
                () -> store.findCode(linkId, recipientKey));
        return new TrackedLink(linkId, target, code, base.shortUrl(code));
    }

    private static <T> T insertOrFind(Supplier<Optional<T>> insert, Supplier<Optional<T>> find) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<T> row = insert.get().or(find);
            if (row.isPresent()) {
                return row.get();
            }
        }
        throw new IllegalStateException("could not insert or find a tracking row after " + ATTEMPTS + " attempts");
    }

    private static void checkKey(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(field, field + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
