package io.tidings.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.tidings.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any way a person writes a phone number, to E.164 with its region, type and time zone.
 *
 * <p>This runs once per imported row, so it is the hot path of an import: each number is parsed
 * once, and its validity comes from {@code getNumberType} alone ({@code isValidNumber} would match
 * the same patterns a second time). Thread-safe: libphonenumber's singletons are.
 */
@Component
class PhoneNormaliser {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    private static final String UNKNOWN_ZONE = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

    private final String defaultRegion;
    // A non-geographic number (a mobile in most countries, toll-free, VoIP) only says its country's
    // zone, so one lookup per region serves them all.
    private final Map<String, String> countryZones = new ConcurrentHashMap<>();
    private final Map<String, String> homeZones = new ConcurrentHashMap<>();

    PhoneNormaliser(@Value("${tidings.default-region:US}") String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("tidings.default-region '" + defaultRegion
                    + "' is not a region libphonenumber knows (use an ISO 3166 code such as US or DE)");
        }
        this.defaultRegion = region;
    }

    String defaultRegion() {
        return defaultRegion;
    }

    /**
     * @param region where a number without +country code is dialled from; null for the default region
     * @throws InvalidInputException on field "phone" with the reason the number is not valid
     */
    PhoneInfo normalise(String raw, String region) {
        String from = region == null ? defaultRegion : region;
        PhoneNumber number;
        try {
            number = UTIL.parse(raw, from);
        } catch (NumberParseException e) {
            throw new InvalidInputException("phone", parseFailure(e));
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            throw new InvalidInputException("phone", invalidReason(number));
        }
        String numberRegion = UTIL.getRegionCodeForNumber(number);
        return new PhoneInfo(UTIL.format(number, PhoneNumberFormat.E164), numberRegion,
                type.name().toLowerCase(Locale.ROOT), timezone(number, type, numberRegion));
    }

    private String timezone(PhoneNumber number, PhoneNumberType type, String region) {
        if (UTIL.isNumberGeographical(type, number.getCountryCode())) {
            return pick(ZONES.getTimeZonesForGeographicalNumber(number), region);
        }
        return countryZones.computeIfAbsent(region, r -> pick(ZONES.getTimeZonesForNumber(number), r));
    }

    /**
     * The first known zone, except when the number's own region has one home zone among them: a
     * British mobile maps to all of +44 (Guernsey, Isle of Man, Jersey, London), and alphabetical
     * order would send every British customer to Guernsey.
     */
    private String pick(List<String> zones, String region) {
        String first = null;
        int known = 0;
        for (String zone : zones) {
            if (!UNKNOWN_ZONE.equals(zone)) {
                first = first == null ? zone : first;
                known++;
            }
        }
        if (known > 1) {
            String home = homeZones.computeIfAbsent(region, PhoneNormaliser::homeZone);
            if (zones.contains(home)) {
                return home;
            }
        }
        return first;
    }

    /** The zone of the region's example landline, when that says exactly one; "" otherwise. */
    private static String homeZone(String region) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, PhoneNumberType.FIXED_LINE);
        if (example == null) {
            return "";
        }
        List<String> zones = ZONES.getTimeZonesForGeographicalNumber(example);
        return zones.size() == 1 && !UNKNOWN_ZONE.equals(zones.getFirst()) ? zones.getFirst() : "";
    }

    private static String parseFailure(NumberParseException e) {
        return switch (e.getErrorType()) {
            case TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
            case INVALID_COUNTRY_CODE -> "could not parse: unknown country calling code";
            case TOO_SHORT_AFTER_IDD -> "could not parse: too short after the international prefix";
            case NOT_A_NUMBER -> "could not parse: not a phone number";
        };
    }

    private static String invalidReason(PhoneNumber number) {
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return switch (UTIL.isPossibleNumberWithReason(number)) {
            case TOO_SHORT -> "too short";
            case TOO_LONG -> "too long";
            case INVALID_COUNTRY_CODE -> "could not parse: unknown country calling code";
            case INVALID_LENGTH -> "invalid length for region " + region;
            case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> "not a valid number for region " + region;
        };
    }
}
