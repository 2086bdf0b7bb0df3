package io.tidings.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The bounce policy: a hard bounce marks the address bounced at once; soft bounces do so once
 * {@link MailSettings#softBounceLimit()} of them arrive in a row. A bounced address gets no more mail
 * until an operator clears it.
 */
@Component
public class AddressHealth {

    /** An address's bounce record. */
    public record Health(String address, int softBounces, int hardBounces, Instant bouncedAt, String lastReason) {
        public boolean bounced() {
            return bouncedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final MailSettings settings;

    AddressHealth(JdbcClient jdbc, MailSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Records a bounce; returns the address's state after it. */
    public Health recordBounce(String address, boolean hard, String reason) {
        return jdbc.sql("""
                insert into mail_address_health as h (address, soft_bounces, hard_bounces, bounced_at, last_reason)
                values (:address, case when :hard then 0 else 1 end, case when :hard then 1 else 0 end,
                        case when :hard or 1 >= :limit then now() end, :reason)
                on conflict (address) do update set
                    soft_bounces = h.soft_bounces + case when :hard then 0 else 1 end,
                    hard_bounces = h.hard_bounces + case when :hard then 1 else 0 end,
                    bounced_at = coalesce(h.bounced_at,
                        case when :hard or h.soft_bounces + 1 >= :limit then now() end),
                    last_reason = :reason, updated_at = now()
                returning address, soft_bounces, hard_bounces, bounced_at, last_reason""")
                .param("address", normal(address)).param("hard", hard).param("limit", settings.softBounceLimit())
                .param("reason", reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason)
                .query(Health.class).single();
    }

    /** A delivery proves the address works: soft bounces start counting again. */
    public void recordDelivery(String address) {
        jdbc.sql("update mail_address_health set soft_bounces = 0, updated_at = now() where address = :address and bounced_at is null")
                .param("address", normal(address)).update();
    }

    public boolean isBounced(String address) {
        return jdbc.sql("select exists (select 1 from mail_address_health where address = :address and bounced_at is not null)")
                .param("address", normal(address)).query(Boolean.class).single();
    }

    public Optional<Health> health(String address) {
        return jdbc.sql("select address, soft_bounces, hard_bounces, bounced_at, last_reason from mail_address_health where address = :address")
                .param("address", normal(address)).query(Health.class).optional();
    }

    /** An operator says the address works again. */
    public boolean clear(String address) {
        return jdbc.sql("delete from mail_address_health where address = :address").param("address", normal(address)).update() > 0;
    }

    private static String normal(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
