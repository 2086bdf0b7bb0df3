package io.tidings.mail;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * Outgoing SMTP servers over the API, for admins only, reading included: they hold credentials and decide
 * where every mail goes. Passwords are masked.
 */
@RestController
@RequestMapping("/api/v1/mail/servers")
class MailServersController {

    private final MailApi mail;

    MailServersController(MailApi mail) {
        this.mail = mail;
    }

    record ServerChange(Boolean active) {
    }

    @GetMapping
    List<MailServer> list(Authentication who) {
        admin(who);
        return mail.mailServers();
    }

    @GetMapping("/{id}")
    MailServer get(@PathVariable long id, Authentication who) {
        admin(who);
        return mail.mailServer(id);
    }

    @PostMapping
    ResponseEntity<MailServer> add(@RequestBody NewMailServer server, Authentication who) {
        admin(who);
        return ResponseEntity.status(HttpStatus.CREATED).body(mail.addMailServer(server));
    }

    @PatchMapping("/{id}")
    MailServer change(@PathVariable long id, @RequestBody ServerChange change, Authentication who) {
        admin(who);
        if (change == null || change.active() == null) {
            throw new io.tidings.shared.InvalidInputException("active", "send {\"active\": true} or {\"active\": false}");
        }
        return mail.setMailServerActive(id, change.active());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication who) {
        admin(who);
        mail.deleteMailServer(id);
        return ResponseEntity.noContent().build();
    }

    // SecurityConfig lets every role read /api/**; these need more.
    private static void admin(Authentication who) {
        if (who == null || who.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only admins manage mail servers.");
        }
    }
}
