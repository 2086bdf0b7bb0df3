package io.tidings.mail;

import org.springframework.stereotype.Service;

/** The mail module's one facade: settings, signed addresses, DKIM keys. */
@Service
public class MailApi {

    private final MailSettings settings;
    private final MailTokens tokens;
    private final DkimKeys dkim;

    MailApi(MailSettings settings, MailTokens tokens, DkimKeys dkim) {
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
    }

    public MailSettings settings() {
        return settings;
    }

    public MailTokens tokens() {
        return tokens;
    }

    /** The DKIM key of the mail domain under the configured selector (made on first use). */
    public DkimKeys.DkimKey dkimKey() {
        return dkim.key(settings.domain(), settings.dkimSelector());
    }
}
