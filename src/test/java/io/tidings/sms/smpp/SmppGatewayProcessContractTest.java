package io.tidings.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsGateway;
import io.tidings.sms.SmsGatewayContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same contract with the simulator in a JVM of its own (java -cp &lt;this class path&gt; SmscSimulator --port 0),
 * so nothing is shared with the gateway but a TCP connection; the hooks go over the simulator's stdin.
 */
class SmppGatewayProcessContractTest implements SmsGatewayContract {

    private static SimulatorProcess smsc;
    private static SmppGateway gateway;
    private static final RecordingSink SINK = new RecordingSink();

    @BeforeAll
    static void bind() throws Exception {
        smsc = SimulatorProcess.start(List.of("--port", "0", "--manual-receipts"));
        gateway = SmppGateway.start(SmppGatewayContractTest.config(smsc.port()), SINK);
        assertThat(gateway.awaitUp(Duration.ofSeconds(10))).isTrue();
    }

    @AfterAll
    static void unbind() {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
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
        try {
            return smsc.received().stream().map(r -> new PeerMessage(r.from(), r.to(), r.text())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void triggerDelivery(String providerMessageId) {
        command("receipt " + providerMessageId + " DELIVRD");
    }

    @Override
    public void injectInbound(String from, String to, String text) {
        try {
            smsc.injectInbound(from, to, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void throttle(boolean on) {
        command("throttle " + (on ? "1" : "0"));
    }

    @Override
    public void resetPeer() {
        command("reset");
    }

    private static void command(String line) {
        try {
            SimulatorProcess.expectOk(smsc.command(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
