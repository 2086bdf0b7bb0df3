package io.tidings.mail;

import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DnsLookupTests {

    @Test
    void aResolverPortWhereNothingListensIsUnreachableNotAnException() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        DnsLookup lookup = DnsLookup.of(List.of("127.0.0.1:" + closed), Duration.ofMillis(500));

        DnsLookup.DnsAnswer answer = lookup.txt("shop.example").join();

        assertThat(answer.kind()).isEqualTo(DnsLookup.DnsAnswer.Kind.UNREACHABLE);
        assertThat(answer.problem()).startsWith("Nothing answers DNS at 127.0.0.1:" + closed)
                .contains("TXT record of shop.example");
    }

    @Test
    void aTxtRecordOfSeveralStringsIsReadAsOneValue() {
        try (DnsStub stub = DnsStub.start()) {
            stub.txt("shop.example", "v=spf1 ", "a ", "mx ~all");
            DnsLookup lookup = DnsLookup.of(List.of("127.0.0.1:" + stub.port()), Duration.ofSeconds(2));

            assertThat(lookup.txt("shop.example").join().values()).containsExactly("v=spf1 a mx ~all");
            assertThat(lookup.mx("nowhere.example").join().kind()).isEqualTo(DnsLookup.DnsAnswer.Kind.NO_SUCH_NAME);
            assertThat(lookup.mx("shop.example").join().kind()).isEqualTo(DnsLookup.DnsAnswer.Kind.NO_DATA);
        }
    }
}
