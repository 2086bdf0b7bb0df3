package io.tidings.sms.vonage;

import io.tidings.sms.DeliveryReport;
import io.tidings.sms.InboundSms;
import io.tidings.sms.OutboundSms;
import io.tidings.sms.providers.WebhookRequests;
import io.tidings.sms.SmsCount;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Vonage's SMS API ({@code POST /sms/json}, one request per message, Vonage splits long ones) and its two
 * webhooks: delivery receipts and inbound messages.
 */
final class VonageGateway implements SmsGateway {

    static final int REMEMBERED_MESSAGES = 200_000;

    private final String name;
    private final VonageConfig config;
    private final URI smsUri;
    private final String callback;
    private final SmsEventSink sink;
    private final HttpClient http;
    private final VonageParts parts = new VonageParts(REMEMBERED_MESSAGES);
    private final VonageConcat concat = new VonageConcat(10_000);

    VonageGateway(long providerId, VonageConfig config, String publicBaseUrl, SmsEventSink sink) {
        this.name = "vonage:" + providerId;
        this.config = config;
        this.smsUri = URI.create(config.baseUrl() + "/sms/json");
        this.callback = WebhookRequests.callbackUrl(publicBaseUrl, "vonage", providerId, "dlr");
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

    /** Every part id of an accepted multi-part message, first part first; empty once forgotten. */
    List<String> partIds(String firstId) {
        return parts.parts(firstId);
    }

    private SmsSubmitResult submitOne(OutboundSms sms) {
        String from = sms.from() == null || sms.from().isBlank() ? config.from() : sms.from();
        if (from == null) {
            return new SmsSubmitResult.Rejected(sms.messageId(), "NO_SENDER",
                    "neither the message nor the provider config names a sender (from)", false);
        }
        // Vonage has no smart encoding of its own: replace look-alikes here so the text stays GSM-7
        String text = sms.smartEncoding() ? SmsCounter.smartReplace(sms.text()) : sms.text();
        SmsCount count = SmsCounter.count(text);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", config.apiKey());
        form.put("api_secret", config.apiSecret());
        form.put("from", from.startsWith("+") ? from.substring(1) : from);
        form.put("to", digits(sms.to()));
        form.put("text", text);
        if (count.encoding() == SmsCount.Encoding.UCS_2) {
            form.put("type", "unicode");
        }
        form.put("status-report-req", "1");
        form.put("client-ref", Long.toString(sms.messageId()));
        if (callback != null) {
            form.put("callback", callback);
        }
        HttpRequest request = HttpRequest.newBuilder(smsUri)
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            VonageResults.Outcome outcome = VonageResults.of(sms.messageId(), response.statusCode(), response.body(),
                    count.segments());
            parts.register(outcome.partIds());
            return outcome.result();
        } catch (IOException e) {
            // a timeout may come after Vonage took the message: the dispatch queue's retry can then send it twice
            return new SmsSubmitResult.Retry(sms.messageId(), "NETWORK", e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SmsSubmitResult.Retry(sms.messageId(), "INTERRUPTED", "the submit was interrupted", null);
        }
    }

    /** Whether this provider signs webhooks at all; without a signature secret every webhook is refused. */
    boolean signs() {
        return config.signatureSecret() != null;
    }

    boolean signatureValid(Map<String, String> params, Instant now) {
        return VonageSignature.valid(config.signatureMethod(), config.signatureSecret(), params, now);
    }

    /**
     * A delivery receipt. Mind the names: in a receipt {@code msisdn} is the RECIPIENT of our message and
     * {@code to} is the SENDER we used. {@link IllegalArgumentException} when messageId or status is missing.
     */
    void receipt(Map<String, String> params) {
        String partId = required(params, "messageId");
        String status = required(params, "status");
        String errCode = params.get("err-code");
        String recipient = phone(params.get("msisdn"));
        String sender = params.get("to");
        String detail = "Vonage status " + status + (recipient == null ? "" : "; recipient " + recipient)
                + (sender == null ? "" : "; sender " + sender) + (errCode == null ? "" : "; err-code " + errCode);
        Instant at = VonageTimes.parse(params.get("message-timestamp"), Instant.now());
        parts.receipt(partId, VonageStatus.of(status)).ifPresent(v -> sink.delivery(new DeliveryReport(name,
                v.providerMessageId(), v.status(), errCode == null || "0".equals(errCode) ? null : errCode, detail, at)));
    }

    /**
     * An inbound message: here {@code msisdn} is the customer who wrote and {@code to} our number. Parts of a
     * long message are held until all have come. {@link IllegalArgumentException} when a field is missing.
     */
    void inbound(Map<String, String> params) {
        String messageId = required(params, "messageId");
        String from = phone(required(params, "msisdn"));
        String to = phone(required(params, "to"));
        String text = params.getOrDefault("text", "");
        Instant at = VonageTimes.parse(params.get("message-timestamp"), Instant.now());
        if ("true".equalsIgnoreCase(params.get("concat"))) {
            concat.add(from, required(params, "concat-ref"), number(params, "concat-total"),
                            number(params, "concat-part"), new VonageConcat.Part(messageId, text))
                    .ifPresent(whole -> sink.inbound(new InboundSms(name, whole.messageId(), from, to, whole.text(), at)));
            return;
        }
        sink.inbound(new InboundSms(name, messageId, from, to, text, at));
    }

    private static String required(Map<String, String> params, String key) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("The Vonage webhook has no " + key + ".");
        }
        return v.strip();
    }

    private static int number(Map<String, String> params, String key) {
        try {
            return Integer.parseInt(required(params, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The Vonage webhook's " + key + " is not a number.");
        }
    }

    /** Vonage writes numbers as digits without '+'; Tidings keeps E.164. Alphanumeric senders stay as they are. */
    private static String phone(String msisdn) {
        if (msisdn == null || msisdn.isBlank()) {
            return null;
        }
        String s = msisdn.strip();
        return s.chars().allMatch(Character::isDigit) ? "+" + s : s;
    }

    private static String digits(String e164) {
        return e164 == null ? "" : e164.replaceAll("[^0-9]", "");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

}
