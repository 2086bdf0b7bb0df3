package io.tidings.mail;

/** An SMTP server to add. {@code security} is none, starttls or tls; priority defaults to 100, active to true. */
public record NewMailServer(String name, String host, Integer port, String security, String username, String password,
                            Integer priority, Boolean active) {
}
