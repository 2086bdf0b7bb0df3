package io.tidings.sms.smpp;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * Which TON/NPI an address goes out with, and how an inbound one comes back as E.164. Tidings keeps numbers in E.164
 * with a '+'; SMPP wants the digits alone with TON international.
 */
final class Addresses {

    record Address(String value, TypeOfNumber ton, NumberingPlanIndicator npi) {
    }

    private Addresses() {
    }

    static Address destination(String to) {
        String value = to == null ? "" : to.strip();
        if (value.startsWith("+")) {
            return new Address(value.substring(1), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN);
        }
        return new Address(value, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN);
    }

    /**
     * The message's own sender when it has one: "+digits" international, digits as given (long or short code, left
     * to the SMSC to read), anything else alphanumeric. Else the configured sender with its configured TON/NPI.
     */
    static Address source(String from, SmppConfig config) {
        String value = from == null ? "" : from.strip();
        if (value.isEmpty()) {
            return new Address(config.sourceAddress(), TypeOfNumber.valueOf(config.sourceTon()),
                    NumberingPlanIndicator.valueOf(config.sourceNpi()));
        }
        if (value.startsWith("+") && value.length() > 1 && digits(value.substring(1))) {
            return new Address(value.substring(1), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN);
        }
        if (digits(value)) {
            return new Address(value, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN);
        }
        return new Address(value, TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN);
    }

    /** An address from the SMSC as Tidings stores it: '+' added when its TON says international. */
    static String inbound(String address, byte ton) {
        String value = address == null ? "" : address.strip();
        if (ton == TypeOfNumber.INTERNATIONAL.value() && !value.startsWith("+") && digits(value)) {
            return "+" + value;
        }
        return value;
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
