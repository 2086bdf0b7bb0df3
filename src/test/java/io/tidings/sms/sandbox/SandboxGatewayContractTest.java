package io.tidings.sms.sandbox;

import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayContract;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The gateway contract for the sandbox, which is its own peer: what it took is what "the provider received",
 * and it reports delivery by itself a few milliseconds after the submit, so triggering does nothing.
 */
class SandboxGatewayContractTest implements SmsGatewayContract {

    private static final RecordingSink SINK = new RecordingSink();
    private static final SandboxGatewayFactory FACTORY = new SandboxGatewayFactory();
    private static SandboxGateway gateway = build(false);
    private static boolean throttled;

    private static SandboxGateway build(boolean throttle) {
        return (SandboxGateway) FACTORY.create(1, JsonMapper.shared().readTree(
                "{\"delayMillis\":20,\"throttle\":" + throttle + "}"), SINK);
    }

    @AfterAll
    static void close() {
        gateway.close();
    }

    @Override
    public SmsGateway gateway() {
        return gateway;
    }

    @Override
    public RecordingSink events() {
        return SINK;
    }

    @Override
    public List<PeerMessage> receivedByPeer() {
        return gateway.taken().stream().map(t -> new PeerMessage(t.sms().from(), t.sms().to(), t.sms().text())).toList();
    }

    @Override
    public void triggerDelivery(String providerMessageId) {
        // the sandbox reports DELIVERED on its own after delayMillis
    }

    @Override
    public void injectInbound(String from, String to, String text) {
        gateway.receive(from, to, text);
    }

    @Override
    public void throttle(boolean on) {
        if (on != throttled) {
            gateway.close();
            gateway = build(on);
            throttled = on;
        }
    }

    @Override
    public void resetPeer() {
        gateway.forget();
    }
}
