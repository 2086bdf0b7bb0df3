package io.tidings.mail;

import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * DKIM (RFC 6376 section 3.6.1): one key record at the selector whose {@code p=} is our RSA public key.
 * The key is compared as a key (modulus and exponent), so line breaks, spaces or another encoding of the
 * same key do not count as a difference.
 */
@Component
class DnsDkimRule implements DnsRule {

    @Override
    public DomainRecord.Kind kind() {
        return DomainRecord.Kind.DKIM;
    }

    @Override
    public String whenMissing(DomainRecord expected) {
        return "No DKIM key at " + expected.name() + ": receivers cannot check Tidings' signatures. Publish the TXT value shown.";
    }

    @Override
    public DnsCheck judge(DomainRecord expected, List<String> found) {
        if (found.size() > 1) {
            return verdict(expected, DnsStatus.MISMATCH, expected.name() + " holds " + found.size()
                    + " TXT records; verifiers may read any of them. Keep only the one shown.", found);
        }
        DnsTags tags = DnsTags.parse(found.getFirst());
        String problem = problem(tags, key(DnsTags.parse(expected.value()).get("p").orElseThrow()));
        return problem == null
                ? verdict(expected, DnsStatus.OK, "The DKIM key at " + expected.name() + " is the one Tidings signs with.", found)
                : verdict(expected, DnsStatus.MISMATCH, problem, found);
    }

    private static String problem(DnsTags tags, RSAPublicKey ours) {
        if (tags.duplicate().isPresent()) {
            return "The DKIM record names the tag " + tags.duplicate().get() + "= twice, so verifiers ignore it.";
        }
        if (tags.get("v").isPresent() && !(tags.first().orElseThrow().name().equals("v") && tags.get("v").get().equals("DKIM1"))) {
            return "The DKIM record must start with v=DKIM1 when it has a v= tag.";
        }
        if (tags.get("k").isPresent() && !tags.get("k").get().equalsIgnoreCase("rsa")) {
            return "The DKIM record says k=" + tags.get("k").get() + "; Tidings signs with an RSA key (k=rsa).";
        }
        String p = tags.get("p").map(v -> v.replaceAll("\\s", "")).orElse(null);
        if (p == null) {
            return "The DKIM record has no p= tag, so it holds no key.";
        }
        if (p.isEmpty()) {
            return "The DKIM record has an empty p=, which means the key was revoked. Publish the value shown.";
        }
        RSAPublicKey published;
        try {
            published = key(p);
        } catch (IllegalArgumentException e) {
            return "The p= of the DKIM record is not an RSA public key: " + e.getMessage();
        }
        if (!published.getModulus().equals(ours.getModulus()) || !published.getPublicExponent().equals(ours.getPublicExponent())) {
            return "The DKIM record publishes another key (" + published.getModulus().bitLength()
                    + " bits) than the one Tidings signs with, so signatures fail. Replace it with the value shown.";
        }
        return null;
    }

    /** The key in a {@code p=} value. */
    private static RSAPublicKey key(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it is not valid base64.");
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("its bytes are not a SubjectPublicKeyInfo RSA key.");
        }
    }
}
