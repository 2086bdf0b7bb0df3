package io.tidings.sms.twilio;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsGatewayContract.PeerMessage;
import io.tidings.sms.WebhookClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Twilio's Messages API as documented, inside WireMock: 201 with sid, status and num_segments (counted the way
 * Twilio counts), 429 with code 20429 while throttled, 400 with code 21211 for a number that is not E.164.
 */
final class TwilioStub implements ResponseDefinitionTransformerV2 {

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/[A-Za-z0-9]+/Messages\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    final List<PeerMessage> received = new CopyOnWriteArrayList<>();
    volatile boolean throttled;

    @Override
    public String getName() {
        return "twilio-stub";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        if (!MESSAGES.matcher(event.getRequest().getUrl()).matches()) {
            return json(404, Map.of("code", 20404, "message", "The requested resource was not found", "status", 404));
        }
        if (throttled) {
            return new ResponseDefinitionBuilder().withStatus(429).withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "1")
                    .withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}").build();
        }
        Map<String, String> form = WebhookClient.parseForm(event.getRequest().getBodyAsString());
        String to = form.get("To");
        if (to == null || !E164.matcher(to).matches()) {
            return json(400, Map.of("code", 21211, "message", "The 'To' number " + to + " is not a valid phone number.",
                    "status", 400));
        }
        String body = form.getOrDefault("Body", "");
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String sid = "SM" + HexFormat.of().formatHex(random);
        received.add(new PeerMessage(form.get("From"), to, body));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sid", sid);
        answer.put("status", "queued");
        answer.put("to", to);
        answer.put("body", body);
        answer.put("num_segments", Integer.toString(SmsCounter.count(body, "true".equals(form.get("SmartEncoded"))).segments()));
        return json(201, answer);
    }

    private static ResponseDefinition json(int status, Map<String, ?> body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(JsonMapper.shared().writeValueAsString(body)).build();
    }
}
