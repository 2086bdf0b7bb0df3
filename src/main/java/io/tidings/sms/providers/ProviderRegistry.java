package io.tidings.sms.providers;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayFactory;
import io.tidings.sms.SmsProvider;
import io.tidings.sms.SmsProviderChange;
import io.tidings.sms.SmsProvidersApi;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider registry: stored providers, and one live gateway per provider on this node. A cached
 * gateway is kept while the provider's row version is unchanged, so an edit made on another node is
 * picked up at the next {@link #gateway} call here.
 *
 * <p>Public only so webhook controllers of this module can reach their gateway through {@link #receiving}.
 */
@Service
public class ProviderRegistry implements SmsProvidersApi {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final SmsProvidersStore store;
    private final Map<String, SmsGatewayFactory> factories = new HashMap<>();
    private final SmsEventSink sink;
    private final TransactionTemplate tx;
    private final ConcurrentHashMap<Long, Live> live = new ConcurrentHashMap<>();

    private record Live(long version, SmsGateway gateway) {
    }

    ProviderRegistry(SmsProvidersStore store, List<SmsGatewayFactory> factories, SmsEventSink sink,
                     PlatformTransactionManager transactions) {
        this.store = store;
        for (SmsGatewayFactory f : factories) {
            SmsGatewayFactory before = this.factories.put(f.kind(), f);
            if (before != null) {
                throw new IllegalStateException("two SmsGatewayFactory beans for kind " + f.kind());
            }
        }
        this.sink = sink;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public List<SmsProvider> list() {
        return store.list().stream().map(this::view).toList();
    }

    @Override
    public SmsProvider get(long id) {
        return view(row(id));
    }

    @Override
    public SmsProvider add(String kind, String name, JsonNode config, boolean enabled) {
        SmsGatewayFactory factory = factory(kind);
        String n = checkName(name);
        ObjectNode c = checkObject(config);
        factory.validate(c);
        return view(store.insert(kind, n, JSON.writeValueAsString(c), enabled)
                .orElseThrow(() -> new ConflictException("An SMS provider named '" + n + "' already exists.")));
    }

    @Override
    public SmsProvider update(long id, SmsProviderChange change) {
        ProviderRow updated = tx.execute(s -> {
            ProviderRow row = store.findForUpdate(id).orElseThrow(() -> notFound(id));
            SmsGatewayFactory factory = factory(row.kind());
            String name = change.name() == null ? row.name() : checkName(change.name());
            ObjectNode config = parse(row.config());
            if (change.config() != null) {
                config = Secrets.merge(config, checkObject(change.config()), factory.secretKeys());
                factory.validate(config);
            }
            boolean enabled = change.enabled() == null ? row.enabled() : change.enabled();
            return store.update(id, name, JSON.writeValueAsString(config), enabled).orElseThrow(
                    () -> new ConflictException("An SMS provider named '" + name + "' already exists."));
        });
        // the old gateway may hold connections or a bound session; the next call builds the new one
        evict(id);
        return view(updated);
    }

    @Override
    public SmsGateway gateway(long providerId) {
        ProviderRow row = row(providerId);
        if (!row.enabled()) {
            evict(providerId);
            throw new ConflictException("SMS provider '" + row.name() + "' is disabled.");
        }
        return liveGateway(row);
    }

    /**
     * The live gateway of provider {@code id} if it is of {@code type}, enabled or not: receipts for
     * messages sent before a provider was disabled still count. Unknown id: {@link NotFoundException}.
     */
    public <T extends SmsGateway> Optional<T> receiving(long id, Class<T> type) {
        ProviderRow row = row(id);
        SmsGateway g = liveGateway(row);
        return type.isInstance(g) ? Optional.of(type.cast(g)) : Optional.empty();
    }

    @Override
    public Set<String> kinds() {
        return new TreeSet<>(factories.keySet());
    }

    /** Creates the default sandbox provider when the table is empty; true when this call created it. */
    boolean createDefaultSandboxIfEmpty() {
        return factories.containsKey("sandbox") && store.insertDefaultSandbox();
    }

    @PreDestroy
    void closeAll() {
        for (Long id : List.copyOf(live.keySet())) {
            evict(id);
        }
    }

    private SmsGateway liveGateway(ProviderRow row) {
        SmsGateway[] replaced = new SmsGateway[1];
        Live current = live.compute(row.id(), (id, cur) -> {
            if (cur != null && cur.version() >= row.version()) {
                return cur;
            }
            replaced[0] = cur == null ? null : cur.gateway();
            return new Live(row.version(), factory(row.kind()).create(row.id(), parse(row.config()), sink));
        });
        close(replaced[0]);
        return current.gateway();
    }

    private void evict(long id) {
        Live gone = live.remove(id);
        close(gone == null ? null : gone.gateway());
    }

    private static void close(SmsGateway gateway) {
        if (gateway == null) {
            return;
        }
        try {
            gateway.close();
        } catch (RuntimeException e) {
            log.warn("closing SMS gateway {} failed", gateway.name(), e);
        }
    }

    private ProviderRow row(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    private SmsProvider view(ProviderRow row) {
        SmsGatewayFactory f = factories.get(row.kind());
        Set<String> secrets = f == null ? SmsGatewayFactory.DEFAULT_SECRET_KEYS : f.secretKeys();
        return new SmsProvider(row.id(), row.kind(), row.name(), Secrets.mask(parse(row.config()), secrets),
                row.enabled(), row.createdAt(), row.updatedAt());
    }

    private SmsGatewayFactory factory(String kind) {
        SmsGatewayFactory f = kind == null ? null : factories.get(kind);
        if (f == null) {
            throw new InvalidInputException("kind", "This build sends SMS through " + kinds()
                    + "; there is no gateway for kind '" + kind + "'.");
        }
        return f;
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidInputException("name", "A provider name is 1 to 100 characters.");
        }
        return n;
    }

    private static ObjectNode checkObject(JsonNode config) {
        if (config == null || config.isNull()) {
            return JSON.createObjectNode();
        }
        if (!config.isObject()) {
            throw new InvalidInputException("config", "A provider config is a JSON object.");
        }
        return (ObjectNode) config;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JacksonException | ClassCastException e) {
            throw new IllegalStateException("stored provider config is not a JSON object", e);
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no SMS provider " + id + ".");
    }
}
