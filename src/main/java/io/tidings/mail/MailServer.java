package io.tidings.mail;

/**
 * An outgoing SMTP server as shown to people: the password is masked. {@code source} is
 * {@code environment} for the one in TIDINGS_SMTP_URL (read only, id null) or {@code database}.
 */
public record MailServer(Long id, String name, String host, int port, MailSecurity security, String username,
                         String password, int priority, boolean active, String source) {

    private static final java.util.List<String> MAILBOX_PROVIDERS = java.util.List.of("gmail.com", "googlemail.com",
            "office365.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com", "zoho.com",
            "gmx.com", "gmx.net", "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com");

    /**
     * A personal mailbox provider's SMTP (Gmail, Outlook, …): fine for thread mail, but its daily sending limits
     * make it unfit for campaigns (seed 004).
     */
    public boolean mailboxProvider() {
        String h = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        return MAILBOX_PROVIDERS.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    static final String MASK = "••••";

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? null : MASK;
    }
}
