package io.tidings.mail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DNS records of the mail domain over the API. Reading them, and asking DNS about them, changes
 * nothing, so every role may (SecurityConfig's GET rule).
 */
@RestController
@RequestMapping("/api/v1/mail/domain")
class DomainDnsController {

    private final MailApi mail;

    DomainDnsController(MailApi mail) {
        this.mail = mail;
    }

    @GetMapping
    DomainReport domain(@RequestParam(defaultValue = "false") boolean check) {
        return check ? mail.checkDomain() : mail.domainRecords();
    }
}
