package io.tidings.sms;

/**
 * GSM 03.38 default alphabet as the reference calculator (sms-segments-calculator 1.3.0, UnicodeToGSM.ts)
 * maps UTF-16 code units to septets.
 */
final class GsmAlphabet {

    /** Characters reachable in one septet from the basic table. */
    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Characters that need ESC plus a septet from the extension table, so they always cost two. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    private GsmAlphabet() {
    }

    /** 1 or 2 septets for a GSM character, 0 when the character cannot be sent in GSM-7 at all. */
    static int septets(char c) {
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }
}
