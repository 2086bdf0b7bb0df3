package io.tidings.sms.twilio;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.providers.WebhookRequests;
import io.tidings.sms.SmsCounter;
import io.tidings.sms.SmsEventSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsSubmitResult;
import io.tidings.sms.providers.BoundedBatch;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Twilio's Programmable Messaging REST API, one POST per message
 * ({@code /2010-04-01/Accounts/{AccountSid}/Messages.json}), and the two webhooks it calls back:
 * status callbacks and inbound messages. One HttpClient per gateway keeps connections alive across batches.
 */
final class TwilioGateway implements SmsGateway {

    private final String name;
    private final TwilioConfig config;
    private final URI messagesUri;
    private final String authorization;
    private final String statusCallback;
    private final SmsEventSink sink;
    private final HttpClient http;

    TwilioGateway(long providerId, TwilioConfig config, String publicBaseUrl, SmsEventSink sink) {
        this.name = "twilio:" + providerId;
        this.config = config;
        this.messagesUri = URI.create(config.baseUrl() + "/2010-04-01/Accounts/" + config.accountSid() + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8));
        this.statusCallback = WebhookRequests.callbackUrl(publicBaseUrl, "twilio", providerId, "status");
        this.sink = sink;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SmsSubmitResult> submit(List<OutboundSms> batch) {
        return BoundedBatch.map(batch, config.concurrency(), this::submitOne,
                (sms, e) -> new SmsSubmitResult.Retry(sms.messageId(), "ERROR", String.valueOf(e), null));
    }

    @Override
    public void close() {
        http.close();
    }

    private SmsSubmitResult submitOne(OutboundSms sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", sms.to());
        String from = sms.from() == null || sms.from().isBlank() ? config.from() : sms.from();
        if (from != null) {
            form.put("From", from);
        } else if (config.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", config.messagingServiceSid());
        } else {
            return new SmsSubmitResult.Rejected(sms.messageId(), "NO_SENDER",
                    "neither the message nor the provider config names a sender (from or messagingServiceSid)", false);
        }
        form.put("Body", sms.text());
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        if (sms.smartEncoding()) {
            form.put("SmartEncoded", "true");
        }
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(config.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int counted = SmsCounter.count(sms.text(), sms.smartEncoding()).segments();
            return TwilioResults.of(sms.messageId(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), counted, Instant.now());
        } catch (IOException e) {
            // a timeout may come after Twilio took the message: the dispatch queue's retry can then send it twice
            return new SmsSubmitResult.Retry(sms.messageId(), "NETWORK", e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SmsSubmitResult.Retry(sms.messageId(), "INTERRUPTED", "the submit was interrupted", null);
        }
    }

    boolean signatureValid(String calledUrl, Map<String, List<String>> params, String signature) {
        return TwilioSignature.valid(config.authToken(), calledUrl, params, signature);
    }

    /** A status callback; {@link IllegalArgumentException} when MessageSid or MessageStatus is missing. */
    void status(Map<String, List<String>> params) {
        String sid = required(params, "MessageSid");
        String status = required(params, "MessageStatus");
        String error = first(params, "ErrorCode");
        sink.delivery(new DeliveryReport(name, sid, TwilioStatus.of(status), error, "Twilio status " + status, Instant.now()));
    }

    /** An inbound message; {@link IllegalArgumentException} when MessageSid, From or To is missing. */
    void inbound(Map<String, List<String>> params) {
        String sid = required(params, "MessageSid");
        String from = required(params, "From");
        String to = required(params, "To");
        String body = first(params, "Body");
        sink.inbound(new InboundSms(name, sid, from, to, body == null ? "" : body, Instant.now()));
    }

    private static String required(Map<String, List<String>> params, String name) {
        String v = first(params, name);
        if (v == null) {
            throw new IllegalArgumentException("The Twilio webhook has no " + name + ".");
        }
        return v;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

}
