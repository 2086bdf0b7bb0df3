package io.tidings.sms.send;

import io.tidings.sms.SmsRate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** All SQL of rate cards. */
@Repository
class RateStore {

    private static final String ALL = """
            select id, provider_id, country, traffic, sender_type, min_monthly_volume, price_micros, currency
            from sms_rates
            order by provider_id, country, traffic, sender_type, min_monthly_volume
            """;
    private static final String UPSERT = """
            insert into sms_rates (provider_id, country, traffic, sender_type, min_monthly_volume, price_micros, currency)
            values (:providerId, :country, :traffic, :senderType, :minVolume, :priceMicros, :currency)
            on conflict (provider_id, country, traffic, sender_type, min_monthly_volume)
            do update set price_micros = excluded.price_micros, currency = excluded.currency, updated_at = now()
            returning id, provider_id, country, traffic, sender_type, min_monthly_volume, price_micros, currency
            """;
    // Per enabled provider and sender type, the tier its submits this calendar month have reached.
    private static final String ROUTE_PRICES = """
            select distinct on (r.provider_id, r.sender_type)
                   r.id, r.provider_id, r.country, r.traffic, r.sender_type, r.min_monthly_volume, r.price_micros, r.currency
            from sms_rates r
            join sms_providers p on p.id = r.provider_id and p.enabled
            where r.country = :country and r.traffic = :traffic
              and r.min_monthly_volume <= (select count(*) from sms_messages m
                                           where m.provider_id = r.provider_id and m.sent_at >= date_trunc('month', now()))
            order by r.provider_id, r.sender_type, r.min_monthly_volume desc
            """;
    private static final String PROVIDER_EXISTS = "select count(*) from sms_providers where id = :providerId";

    private final JdbcClient jdbc;

    RateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SmsRate> all() {
        return jdbc.sql(ALL).query(RateStore::rate).list();
    }

    SmsRate upsert(SmsRate r) {
        return jdbc.sql(UPSERT).param("providerId", r.providerId()).param("country", r.country())
                .param("traffic", r.traffic()).param("senderType", r.senderType())
                .param("minVolume", r.minMonthlyVolume()).param("priceMicros", r.priceMicros())
                .param("currency", r.currency()).query(RateStore::rate).single();
    }

    List<SmsRate> routePrices(String country, String traffic) {
        return jdbc.sql(ROUTE_PRICES).param("country", country).param("traffic", traffic).query(RateStore::rate).list();
    }

    boolean providerExists(long providerId) {
        return jdbc.sql(PROVIDER_EXISTS).param("providerId", providerId).query(Long.class).single() > 0;
    }

    private static SmsRate rate(ResultSet rs, int n) throws SQLException {
        return new SmsRate(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("country"), rs.getString("traffic"),
                rs.getString("sender_type"), rs.getLong("min_monthly_volume"), rs.getLong("price_micros"),
                rs.getString("currency"));
    }
}
