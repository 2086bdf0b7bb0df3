package io.tidings.sms.vonage;

import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Known answers computed apart from this code (Python's hashlib and hmac over the string Vonage's
 * "Signing Messages" page describes), so the algorithm is pinned, not just self-consistent.
 */
class VonageSignatureTest {

    private static final String SECRET = "s3cr3t-Signature";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1795456800L);

    private static Map<String, String> receipt() {
        Map<String, String> p = new HashMap<>();
        p.put("msisdn", "447700900001");
        p.put("to", "Tidings");
        p.put("messageId", "0A0000000123ABCD1");
        p.put("status", "delivered");
        p.put("err-code", "0");
        p.put("message-timestamp", "2026-11-23 18:00:00");
        p.put("timestamp", "1795456800");
        p.put("nonce", "a&b=c");
        p.put("empty", "  ");
        p.put("api-key", "abcd1234");
        return p;
    }

    @Test
    void theSignedStringSortsByNameSkipsBlanksAndReplacesAmpersandAndEqualsInValues() {
        assertThat(VonageSignature.signedString(receipt())).isEqualTo("&api-key=abcd1234&err-code=0"
                + "&message-timestamp=2026-11-23 18:00:00&messageId=0A0000000123ABCD1&msisdn=447700900001"
                + "&nonce=a_b_c&status=delivered&timestamp=1795456800&to=Tidings");
    }

    @Test
    void eachMethodGivesTheIndependentlyComputedSignature() {
        Map<VonageSignature.Method, String> expected = Map.of(
                VonageSignature.Method.MD5HASH, "783a691d2a3450f81279b5e90746bb2b",
                VonageSignature.Method.MD5, "948B3634EBC2B5545BE8CFAA578F1CD7",
                VonageSignature.Method.SHA1, "E78A30870E27E1E75D19084EE4765591841BD7EF",
                VonageSignature.Method.SHA256, "74E7DC27F9BE598CA2E0EAE00D1B7E7C77616C5F96CB9FA1029CC7F8467F84F9",
                VonageSignature.Method.SHA512, "2DF90C20465442795D88A653306B6C113D15A5882200EEC8329FB62D31B656322D6"
                        + "BED6FD51621874404EAF54C8029C7950509D9D6DE32F901E186E30C43F718");
        expected.forEach((method, sig) -> {
            assertThat(VonageSignature.compute(method, SECRET, receipt())).as(method.key).isEqualTo(sig);
            Map<String, String> signed = receipt();
            signed.put("sig", sig.toLowerCase(Locale.ROOT));
            assertThat(VonageSignature.valid(method, SECRET, signed, SIGNED_AT.plusSeconds(60))).as(method.key).isTrue();
        });
    }

    @Test
    void aWrongMissingOrOtherMethodsSignatureIsRefused() {
        Map<String, String> p = receipt();
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT)).isFalse();
        p.put("sig", "783a691d2a3450f81279b5e90746bb2c");
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT)).isFalse();
        p.put("sig", "783a691d2a3450f81279b5e90746bb2b");
        assertThat(VonageSignature.valid(VonageSignature.Method.SHA256, SECRET, p, SIGNED_AT)).isFalse();
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, "other-secret", p, SIGNED_AT)).isFalse();
        p.put("status", "failed");
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT)).isFalse();
    }

    @Test
    void aTimestampMoreThanFiveMinutesFromNowOrMissingIsRefused() {
        Map<String, String> p = receipt();
        p.put("sig", "783a691d2a3450f81279b5e90746bb2b");
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT.plusSeconds(300))).isTrue();
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT.plusSeconds(301))).isFalse();
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT.minusSeconds(301))).isFalse();
        p.remove("timestamp");
        assertThat(VonageSignature.valid(VonageSignature.Method.MD5HASH, SECRET, p, SIGNED_AT)).isFalse();
    }

    @Test
    void anUnknownMethodIsInvalidConfig() {
        assertThat(VonageSignature.Method.parse(" SHA256 ")).isEqualTo(VonageSignature.Method.SHA256);
        assertThatThrownBy(() -> VonageSignature.Method.parse("sha384")).isInstanceOf(InvalidInputException.class);
    }
}
