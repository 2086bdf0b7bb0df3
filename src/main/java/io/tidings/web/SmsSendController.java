package io.tidings.web;

import io.tidings.dispatch.Traffic;
import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SendReceipt;
import io.tidings.sms.SendRequest;
import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsMessageLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Preview and send from the composer, and the SMS log with each message's state history. */
@Controller
class SmsSendController {

    record LogRow(SmsMessageLog m, String price) {
    }

    private final SmsApi sms;

    SmsSendController(SmsApi sms) {
        this.sms = sms;
    }

    @PostMapping("/sms/preview")
    String preview(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "intl") String profile,
                   @RequestParam(defaultValue = "false") boolean smart, @RequestParam(defaultValue = "") String signature,
                   @RequestParam(defaultValue = "") String unsubscribe, @RequestParam(defaultValue = "") String phones,
                   @RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String q,
                   @RequestParam(defaultValue = "transactional") String traffic,
                   @RequestParam(defaultValue = "false") boolean test, Model model) {
        try {
            model.addAttribute("preview", sms.preview(request(text, profile, smart, signature, unsubscribe, phones, tag, q, traffic, test)));
        } catch (InvalidInputException | ConflictException | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "sms/preview :: preview";
    }

    @PostMapping("/sms/send")
    String send(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "intl") String profile,
                @RequestParam(defaultValue = "false") boolean smart, @RequestParam(defaultValue = "") String signature,
                @RequestParam(defaultValue = "") String unsubscribe, @RequestParam(defaultValue = "") String phones,
                @RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "transactional") String traffic,
                @RequestParam(defaultValue = "false") boolean test, Authentication who, Model model,
                RedirectAttributes redirect) {
        try {
            SendReceipt receipt = sms.send(request(text, profile, smart, signature, unsubscribe, phones, tag, q, traffic, test), who.getName());
            redirect.addFlashAttribute("sent", "Queued " + receipt.preview().eligible() + " messages; "
                    + receipt.preview().credits() + " credits reserved.");
            return "redirect:/sms/log?sendId=" + receipt.sendId();
        } catch (InvalidInputException | ConflictException | IllegalArgumentException e) {
            model.addAttribute("text", text);
            model.addAttribute("profile", profile);
            model.addAttribute("smart", smart);
            model.addAttribute("signature", signature);
            model.addAttribute("unsubscribe", unsubscribe);
            model.addAttribute("phones", phones);
            model.addAttribute("tag", tag);
            model.addAttribute("q", q);
            model.addAttribute("traffic", traffic);
            model.addAttribute("test", test);
            model.addAttribute("sendError", e.getMessage());
            SmsComposerController.fill(model, text, profile, smart, signature, unsubscribe);
            return "sms/composer";
        }
    }

    @GetMapping("/sms/log")
    String log(@RequestParam(required = false) String sendId, @RequestParam(required = false) Long contactId, Model model) {
        String send = sendId == null || sendId.isBlank() ? null : sendId.strip();
        if (send != null) {
            try {
                model.addAttribute("send", sms.sendStatus(send));
            } catch (NotFoundException e) {
                model.addAttribute("sent", e.getMessage());
            }
        }
        model.addAttribute("messages", sms.messages(send, contactId).stream()
                .map(m -> new LogRow(m, m.currency() + " " + BigDecimal.valueOf(m.priceMicros(), 6).stripTrailingZeros().toPlainString()))
                .toList());
        model.addAttribute("sendId", send);
        model.addAttribute("contactId", contactId);
        return "sms/log";
    }

    private static SendRequest request(String text, String profile, boolean smart, String signature, String unsubscribe,
                                       String phones, String tag, String q, String traffic, boolean test) {
        List<String> numbers = Arrays.stream(phones.split("[\\r\\n,;]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Traffic t = Traffic.valueOf(traffic.strip().toUpperCase(Locale.ROOT));
        return new SendRequest(List.of(), numbers, blank(q), blank(tag), text, null, null, null, t, profile, smart,
                blank(signature), blank(unsubscribe), test);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
