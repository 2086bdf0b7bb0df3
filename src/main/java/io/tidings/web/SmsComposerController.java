package io.tidings.web;

import io.tidings.sms.CnBilling;
import io.tidings.sms.SmsCount;
import io.tidings.sms.SmsCounter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The composer and its live counter: every keystroke posts the draft, the counter fragment answers. */
@Controller
class SmsComposerController {

    @GetMapping("/sms")
    String composer(Model model) {
        fill(model, "", "intl", false, "", "");
        recipients(model, "", "", "", "transactional", false);
        return "sms/composer";
    }

    @PostMapping("/sms/count")
    String count(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "intl") String profile,
                 @RequestParam(defaultValue = "false") boolean smart,
                 @RequestParam(defaultValue = "") String signature, @RequestParam(defaultValue = "") String unsubscribe,
                 Model model) {
        fill(model, text, profile, smart, signature, unsubscribe);
        return "sms/counter :: counter";
    }

    /** One click: look-alikes replaced in the text itself, so what is sent is what was counted. */
    @PostMapping("/sms/fix")
    String fix(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "intl") String profile,
               @RequestParam(defaultValue = "") String signature, @RequestParam(defaultValue = "") String unsubscribe,
               @RequestParam(defaultValue = "") String phones, @RequestParam(defaultValue = "") String tag,
               @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "transactional") String traffic,
               @RequestParam(defaultValue = "false") boolean test, Model model) {
        fill(model, SmsCounter.smartReplace(text), profile, false, signature, unsubscribe);
        recipients(model, phones, tag, q, traffic, test);
        return "sms/composer-form :: composer";
    }

    /** The recipients part of the form, kept as typed across a re-render. */
    static void recipients(Model model, String phones, String tag, String q, String traffic, boolean test) {
        model.addAttribute("phones", phones);
        model.addAttribute("tag", tag);
        model.addAttribute("q", q);
        model.addAttribute("traffic", traffic);
        model.addAttribute("test", test);
    }

    static void fill(Model model, String text, String profile, boolean smart, String signature, String unsubscribe) {
        model.addAttribute("text", text);
        model.addAttribute("profile", profile);
        model.addAttribute("smart", smart);
        model.addAttribute("signature", signature);
        model.addAttribute("unsubscribe", unsubscribe);
        try {
            SmsCount count = "cn".equals(profile)
                    ? CnBilling.count(text, signature, unsubscribe, smart)
                    : SmsCounter.count(text, smart);
            model.addAttribute("count", count);
            String counted = smart ? SmsCounter.smartReplace(text) : text;
            List<String> culprits = "cn".equals(profile) ? List.of() : SmsCounter.ucs2Characters(counted);
            model.addAttribute("culprits", culprits);
            model.addAttribute("fixable", !culprits.isEmpty()
                    && SmsCounter.ucs2Characters(SmsCounter.smartReplace(text)).size() < culprits.size());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
    }
}
