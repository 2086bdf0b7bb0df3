package io.tidings.credits;

import io.tidings.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Credits of the default account over the API. Top-ups are admin only (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/credits")
class CreditsController {

    private static final String ACCOUNT = CreditsApi.DEFAULT_ACCOUNT;

    private final CreditsApi credits;

    CreditsController(CreditsApi credits) {
        this.credits = credits;
    }

    record Overview(Balance balance, List<Lot> lots) {
    }

    /** {@code messages} is read as a decimal so 1.5 is refused rather than quietly cut to 1. */
    record TopUpRequest(BigDecimal messages, String reference) {
    }

    @GetMapping
    Overview overview() {
        return new Overview(credits.balance(ACCOUNT), credits.lots(ACCOUNT));
    }

    @GetMapping("/quote")
    Quote quote(@RequestParam long messages) {
        return credits.quote(messages);
    }

    @PostMapping("/topups")
    ResponseEntity<Lot> topUp(@RequestBody TopUpRequest request) {
        long messages = wholeMessages(request.messages());
        return ResponseEntity.status(HttpStatus.CREATED).body(credits.topUp(ACCOUNT, messages, request.reference()));
    }

    @GetMapping("/ledger")
    LedgerPage ledger(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
        return credits.ledger(ACCOUNT, before, limit);
    }

    private static long wholeMessages(BigDecimal messages) {
        if (messages == null || messages.signum() <= 0
                || messages.compareTo(BigDecimal.valueOf(CreditsApi.MAX_TOP_UP_MESSAGES)) > 0
                || messages.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException("messages",
                    "A top-up is a whole number of 1 to " + CreditsApi.MAX_TOP_UP_MESSAGES + " messages.");
        }
        return messages.longValueExact();
    }
}
