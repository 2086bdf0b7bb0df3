package io.tidings.sms.twilio;

import com.twilio.security.RequestValidator;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Signatures as Twilio's own Java SDK computes them (com.twilio.security.RequestValidator), so tests never
 * sign with the code they test. The SDK only validates in public; its signing method is read reflectively.
 */
final class TwilioOracle {

    private TwilioOracle() {
    }

    static String sign(String authToken, String url, Map<String, String> params) {
        try {
            Method m = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class, Map.class);
            m.setAccessible(true);
            return (String) m.invoke(new RequestValidator(authToken), url, params);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Twilio SDK's RequestValidator changed shape", e);
        }
    }

    static boolean validates(String authToken, String url, Map<String, String> params, String signature) {
        return new RequestValidator(authToken).validate(url, params, signature);
    }
}
