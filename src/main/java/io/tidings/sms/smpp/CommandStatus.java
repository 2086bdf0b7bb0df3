package io.tidings.sms.smpp;

import java.util.Map;

/** SMPP command_status values as codes and names for results and logs, and which of them mean "slow down". */
final class CommandStatus {

    static final int ESME_RMSGQFUL = 0x14;
    static final int ESME_RTHROTTLED = 0x58;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "ESME_ROK"),
            Map.entry(0x01, "ESME_RINVMSGLEN"),
            Map.entry(0x02, "ESME_RINVCMDLEN"),
            Map.entry(0x03, "ESME_RINVCMDID"),
            Map.entry(0x04, "ESME_RINVBNDSTS"),
            Map.entry(0x05, "ESME_RALYBND"),
            Map.entry(0x08, "ESME_RSYSERR"),
            Map.entry(0x0A, "ESME_RINVSRCADR"),
            Map.entry(0x0B, "ESME_RINVDSTADR"),
            Map.entry(0x0C, "ESME_RINVMSGID"),
            Map.entry(0x0D, "ESME_RBINDFAIL"),
            Map.entry(0x0E, "ESME_RINVPASWD"),
            Map.entry(0x0F, "ESME_RINVSYSID"),
            Map.entry(ESME_RMSGQFUL, "ESME_RMSGQFUL"),
            Map.entry(0x15, "ESME_RINVSERTYP"),
            Map.entry(0x45, "ESME_RSUBMITFAIL"),
            Map.entry(0x48, "ESME_RINVSRCTON"),
            Map.entry(0x49, "ESME_RINVSRCNPI"),
            Map.entry(0x50, "ESME_RINVDSTTON"),
            Map.entry(0x51, "ESME_RINVDSTNPI"),
            Map.entry(ESME_RTHROTTLED, "ESME_RTHROTTLED"),
            Map.entry(0x61, "ESME_RINVSCHED"),
            Map.entry(0x62, "ESME_RINVEXPIRY"),
            Map.entry(0x63, "ESME_RINVDFTMSGID"),
            Map.entry(0x64, "ESME_RX_T_APPN"),
            Map.entry(0x65, "ESME_RX_P_APPN"),
            Map.entry(0x66, "ESME_RX_R_APPN"),
            Map.entry(0xC1, "ESME_RINVOPTPARSTREAM"),
            Map.entry(0xC4, "ESME_RINVOPTPARAMVAL"),
            Map.entry(0xFE, "ESME_RDELIVERYFAILURE"),
            Map.entry(0xFF, "ESME_RUNKNOWNERR"));

    private CommandStatus() {
    }

    /** The code as SMPP documents write it, e.g. {@code 0x0000000B}. */
    static String code(int status) {
        return String.format("0x%08X", status);
    }

    static String name(int status) {
        return NAMES.getOrDefault(status, "command_status " + code(status));
    }

    /** The SMSC asks us to slow down; the message itself is fine and will be taken later. */
    static boolean isThrottle(int status) {
        return status == ESME_RTHROTTLED || status == ESME_RMSGQFUL;
    }
}
