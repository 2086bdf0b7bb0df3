package io.tidings.sms.vonage;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsGatewayContract.PeerMessage;
import io.tidings.sms.WebhookClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Vonage's SMS API as documented, inside WireMock: always HTTP 200, one entry per part in messages[] (split
 * as the carrier bills it), status 1 (throttled) while throttled, status 3 for a destination that is not a number.
 */
final class VonageStub implements ResponseDefinitionTransformerV2 {

    private static final Pattern MSISDN = Pattern.compile("[1-9][0-9]{1,14}");
    private static final AtomicLong IDS = new AtomicLong(0x0A00000000L);

    final List<PeerMessage> received = new CopyOnWriteArrayList<>();
    /** Every part id of each accepted message, by its first part's id. */
    final Map<String, List<String>> parts = new ConcurrentHashMap<>();
    volatile boolean throttled;

    @Override
    public String getName() {
        return "vonage-stub";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        if (!event.getRequest().getUrl().equals("/sms/json")) {
            return new ResponseDefinitionBuilder().withStatus(404).build();
        }
        if (throttled) {
            return answer(1, List.of(Map.of("status", "1", "error-text", "Throughput Rate Exceeded - please wait [ 1 ] and retry")));
        }
        Map<String, String> form = WebhookClient.parseForm(event.getRequest().getBodyAsString());
        String to = form.getOrDefault("to", "");
        if (!MSISDN.matcher(to).matches()) {
            return answer(1, List.of(Map.of("status", "3", "error-text", "Invalid to address")));
        }
        String text = form.getOrDefault("text", "");
        int count = SmsCounter.count(text).segments();
        List<Map<String, String>> messages = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Long.toHexString(IDS.incrementAndGet()).toUpperCase();
            ids.add(id);
            messages.add(Map.of("to", to, "message-id", id, "status", "0", "remaining-balance", "10.00",
                    "message-price", "0.03330000", "network", "22801"));
        }
        parts.put(ids.getFirst(), ids);
        String from = form.getOrDefault("from", "");
        received.add(new PeerMessage(from.chars().allMatch(Character::isDigit) ? "+" + from : from, "+" + to, text));
        return answer(count, messages);
    }

    private static ResponseDefinition answer(int count, List<Map<String, String>> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message-count", Integer.toString(count));
        body.put("messages", messages);
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(JsonMapper.shared().writeValueAsString(body)).build();
    }
}
