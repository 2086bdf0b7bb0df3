package io.tidings.records;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** All SQL of the records module. */
@Repository
class RecordsStore {

    private static final String LEAD_COLUMNS = """
            id, name, contact_id, stage, salesperson, priority, expected_revenue_minor, currency, tags, created_at, updated_at
            """;
    private static final String INSERT_LEAD = """
            insert into leads (name, contact_id, stage, salesperson, priority, expected_revenue_minor, currency, tags)
            values (:name, :contactId, :stage, :salesperson, :priority, :revenue, :currency, :tags)
            returning id
            """;
    private static final String FIND_LEAD = "select " + LEAD_COLUMNS + " from leads where id = :id";
    // FOR UPDATE: two concurrent stage changes must each see the other's result as their "old" value.
    private static final String LOCK_LEAD = "select " + LEAD_COLUMNS + " from leads where id = :id for update";
    private static final String UPDATE_LEAD = """
            update leads set name = :name, contact_id = :contactId, stage = :stage, salesperson = :salesperson,
                   priority = :priority, expected_revenue_minor = :revenue, currency = :currency, tags = :tags,
                   updated_at = now()
            where id = :id
            """;
    // Keyset paging, newest first: the id of the last row seen is the cursor.
    private static final String LEADS = """
            select %s from leads
            where id < :before and (:stage::text is null or stage = :stage)
            order by id desc limit :limit
            """.formatted(LEAD_COLUMNS);

    private static final String ORDER_COLUMNS = "id, number, contact_id, order_date, state, currency, total_minor, created_at";
    private static final String INSERT_ORDER = """
            insert into orders (number, contact_id, order_date, state, currency, total_minor)
            values (:number, :contactId, :orderDate, :state, :currency, :total)
            on conflict (number) do nothing
            returning id
            """;
    private static final String INSERT_LINE = """
            insert into order_lines (order_id, line_no, product, quantity, unit_price_minor)
            values (:orderId, :lineNo, :product, :quantity, :unitPrice)
            """;
    private static final String DELETE_LINES = "delete from order_lines where order_id = :orderId";
    private static final String FIND_ORDER = "select " + ORDER_COLUMNS + " from orders where id = :id";
    private static final String LOCK_ORDER = "select " + ORDER_COLUMNS + " from orders where id = :id for update";
    private static final String UPDATE_ORDER = """
            update orders set order_date = :orderDate, state = :state, total_minor = :total, updated_at = now()
            where id = :id
            """;
    private static final String LINES = """
            select product, quantity, unit_price_minor from order_lines where order_id = :orderId order by line_no
            """;
    private static final String ORDERS = """
            select %s from orders where id < :before order by id desc limit :limit
            """.formatted(ORDER_COLUMNS);
    private static final String ORDERS_OF_CONTACT_SINCE = """
            select %s from orders
            where contact_id = :contactId and order_date >= :since and state <> 'cancelled'
            order by order_date desc, id desc
            """.formatted(ORDER_COLUMNS);

    private final JdbcClient jdbc;

    RecordsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertLead(String name, Long contactId, LeadStage stage, String salesperson, int priority, Long revenue,
                    String currency, List<String> tags) {
        return jdbc.sql(INSERT_LEAD).param("name", name).param("contactId", contactId).param("stage", stage.key())
                .param("salesperson", salesperson).param("priority", priority).param("revenue", revenue)
                .param("currency", currency).param("tags", tags.toArray(String[]::new))
                .query(Long.class).single();
    }

    Optional<Lead> findLead(long id, boolean lock) {
        return jdbc.sql(lock ? LOCK_LEAD : FIND_LEAD).param("id", id).query(RecordsStore::lead).optional();
    }

    void updateLead(Lead l) {
        jdbc.sql(UPDATE_LEAD).param("id", l.id()).param("name", l.name()).param("contactId", l.contactId())
                .param("stage", l.stage().key()).param("salesperson", l.salesperson()).param("priority", l.priority())
                .param("revenue", l.expectedRevenueMinor()).param("currency", l.currency())
                .param("tags", l.tags().toArray(String[]::new)).update();
    }

    List<Lead> leads(String stage, long before, int limit) {
        return jdbc.sql(LEADS).param("stage", stage).param("before", before).param("limit", limit)
                .query(RecordsStore::lead).list();
    }

    /** Empty when the number is taken. */
    Optional<Long> insertOrder(String number, Long contactId, LocalDate date, OrderState state, String currency, long total) {
        return jdbc.sql(INSERT_ORDER).param("number", number).param("contactId", contactId).param("orderDate", date)
                .param("state", state.key()).param("currency", currency).param("total", total)
                .query(Long.class).optional();
    }

    void replaceLines(long orderId, List<OrderLine> lines) {
        jdbc.sql(DELETE_LINES).param("orderId", orderId).update();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            jdbc.sql(INSERT_LINE).param("orderId", orderId).param("lineNo", i + 1).param("product", line.product())
                    .param("quantity", line.quantity()).param("unitPrice", line.unitPriceMinor()).update();
        }
    }

    Optional<Order> findOrder(long id, boolean lock) {
        return jdbc.sql(lock ? LOCK_ORDER : FIND_ORDER).param("id", id).query(this::order).optional();
    }

    void updateOrder(long id, LocalDate date, OrderState state, long total) {
        jdbc.sql(UPDATE_ORDER).param("id", id).param("orderDate", date).param("state", state.key())
                .param("total", total).update();
    }

    List<Order> orders(long before, int limit) {
        return jdbc.sql(ORDERS).param("before", before).param("limit", limit).query(this::order).list();
    }

    List<Order> ordersOfContactSince(long contactId, LocalDate since) {
        return jdbc.sql(ORDERS_OF_CONTACT_SINCE).param("contactId", contactId).param("since", since)
                .query(this::order).list();
    }

    private Order order(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<OrderLine> lines = jdbc.sql(LINES).param("orderId", id)
                .query((r, n) -> new OrderLine(r.getString(1), r.getInt(2), r.getLong(3))).list();
        return new Order(id, rs.getString("number"), rs.getObject("contact_id", Long.class),
                rs.getObject("order_date", LocalDate.class), OrderState.parse(rs.getString("state")),
                rs.getString("currency"), rs.getLong("total_minor"), lines,
                rs.getTimestamp("created_at").toInstant());
    }

    private static Lead lead(ResultSet rs, int row) throws SQLException {
        return new Lead(rs.getLong("id"), rs.getString("name"), rs.getObject("contact_id", Long.class),
                LeadStage.parse(rs.getString("stage")), rs.getString("salesperson"), rs.getInt("priority"),
                rs.getObject("expected_revenue_minor", Long.class), rs.getString("currency"), strings(rs.getArray("tags")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
