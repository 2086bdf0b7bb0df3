package io.tidings.mail;

import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Makes the DKIM signer for the mail domain with the key in {@link DkimKeys}: rsa-sha256, relaxed/relaxed,
 * over exactly {@link #SIGNED_HEADERS}. A signer holds one {@code Signature} and is not thread-safe, so each
 * sending lane of a batch gets its own (cheap: the key is parsed once and cached by {@link DkimKeys}).
 */
@Component
class DkimSigning {

    private static final Logger log = LoggerFactory.getLogger(DkimSigning.class);

    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "Reply-To",
            "In-Reply-To", "References", "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type");
    // the library's defaults beyond ours; a header we never set would not be signed anyway, but the list should say what is
    private static final List<String> LIBRARY_DEFAULTS = List.of("Content-Description", "Content-ID",
            "Content-Transfer-Encoding", "Cc", "List-Subscribe", "List-Post", "List-Owner", "List-Id", "List-Archive",
            "List-Help", "Resent-Sender", "Resent-Cc", "Resent-Date", "Resent-To", "Resent-Message-ID", "Resent-From",
            "Sender");

    private final DkimKeys keys;
    private final MailSettings settings;
    private volatile boolean warned;

    DkimSigning(DkimKeys keys, MailSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /** Empty when the mail domain has no dot (such as {@code localhost}): DKIM needs a domain in DNS. */
    Optional<DkimSigner> signer() {
        String domain = settings.domain();
        if (domain.indexOf('.') <= 0 || domain.endsWith(".")) {
            if (!warned) {
                warned = true;
                log.warn("mail is sent unsigned: tidings.mail.domain '{}' is no DNS domain, so DKIM cannot sign for it", domain);
            }
            return Optional.empty();
        }
        DkimKeys.DkimKey key = keys.key(domain, settings.dkimSelector());
        DkimSigner signer = new DkimSigner(key.domain(), key.selector(), key.privateKey());
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        // the key lives in our database; looking it up in DNS before every signature would cost a query each
        signer.setCheckDomainKey(false);
        LIBRARY_DEFAULTS.forEach(signer::removeHeaderToSign);
        SIGNED_HEADERS.forEach(signer::addHeaderToSign);
        return Optional.of(signer);
    }
}
