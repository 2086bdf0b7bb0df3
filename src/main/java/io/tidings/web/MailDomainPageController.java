package io.tidings.web;

import io.tidings.mail.DnsCheck;
import io.tidings.mail.DomainRecord;
import io.tidings.mail.DomainReport;
import io.tidings.mail.MailApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/**
 * Email → Domain: the TXT and MX records to publish and, on request, what live DNS says about each.
 * Asking DNS changes nothing, so every role may (SecurityConfig admits the POST for all).
 */
@Controller
class MailDomainPageController {

    /** One table row: the record to publish and, once checked, its status. */
    record Row(DomainRecord record, DnsCheck check) {
        public String badge() {
            if (check == null) {
                return "";
            }
            return switch (check.status()) {
                case OK -> "state-approved";
                case UNREACHABLE -> "state-pending";
                case MISSING, MISMATCH -> "state-rejected";
            };
        }
    }

    private final MailApi mail;

    MailDomainPageController(MailApi mail) {
        this.mail = mail;
    }

    @GetMapping("/mail/domain")
    String page(@RequestParam(defaultValue = "false") boolean check, Model model) {
        show(check ? mail.checkDomain() : mail.domainRecords(), model);
        return "mail/domain";
    }

    /** htmx swaps in the checked table; without htmx the browser is sent to the checked page. */
    @PostMapping("/mail/domain/check")
    String check(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/mail/domain?check=true";
        }
        show(mail.checkDomain(), model);
        return "mail/domain :: records";
    }

    private static void show(DomainReport report, Model model) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < report.records().size(); i++) {
            rows.add(new Row(report.records().get(i), report.checks().isEmpty() ? null : report.checks().get(i)));
        }
        model.addAttribute("report", report);
        model.addAttribute("rows", rows);
    }
}
