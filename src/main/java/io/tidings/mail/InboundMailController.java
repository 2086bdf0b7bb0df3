package io.tidings.mail;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Incoming mail and IMAP mailboxes over the API. Admins only (SecurityConfig): mailboxes hold
 * credentials, and raw mail is whatever anyone sent.
 */
@RestController
@RequestMapping("/api/v1/mail")
class InboundMailController {

    private final MailApi mail;

    InboundMailController(MailApi mail) {
        this.mail = mail;
    }

    /** {@code ?route=catchall} for the catch-all only. */
    @GetMapping("/inbound")
    List<InboundMail> inbound(@RequestParam(required = false) String route, @RequestParam(required = false) Long before,
                              @RequestParam(defaultValue = "50") int limit) {
        return "catchall".equals(route) ? mail.catchall(before, limit) : mail.inboundMail(before, limit);
    }

    @GetMapping("/inbound/{id}")
    InboundMail inboundMail(@PathVariable long id) {
        return mail.inbound(id);
    }

    /** As it arrived, for download: served as an attachment so no browser renders it. */
    @GetMapping("/inbound/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header("Content-Disposition", "attachment; filename=\"inbound-" + id + ".eml\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(mail.inboundRaw(id));
    }

    @GetMapping("/mailboxes")
    List<ImapMailbox> mailboxes() {
        return mail.mailboxes();
    }

    @PostMapping("/mailboxes")
    ResponseEntity<ImapMailbox> add(@RequestBody NewImapMailbox mailbox) {
        ImapMailbox created = mail.addMailbox(mailbox);
        return ResponseEntity.created(URI.create("/api/v1/mail/mailboxes/" + created.id())).body(created);
    }

    @GetMapping("/mailboxes/{id}")
    ImapMailbox mailbox(@PathVariable long id) {
        return mail.mailbox(id);
    }

    @DeleteMapping("/mailboxes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        mail.deleteMailbox(id);
    }

    @PostMapping("/mailboxes/{id}/{op:enable|disable}")
    ImapMailbox toggle(@PathVariable long id, @PathVariable String op) {
        mail.enableMailbox(id, op.equals("enable"));
        return mail.mailbox(id);
    }

    @PostMapping("/mailboxes/{id}/poll")
    ImapMailbox poll(@PathVariable long id) {
        return mail.pollMailbox(id);
    }
}
