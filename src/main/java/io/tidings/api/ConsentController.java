package io.tidings.api;

import io.tidings.contacts.Channel;
import io.tidings.contacts.ConsentChange;
import io.tidings.contacts.ConsentEntry;
import io.tidings.contacts.ConsentState;
import io.tidings.contacts.ContactsApi;
import io.tidings.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** A contact's consent per channel: record a change (with who, how and from where) and read the log. */
@RestController
@RequestMapping("/api/v1/contacts/{id}/consent")
class ConsentController {

    record ConsentRequest(String channel, String state, String how, String source) {
    }

    private final ContactsApi contacts;

    ConsentController(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConsentEntry change(@PathVariable long id, @RequestBody ConsentRequest body, HttpServletRequest request,
                        Principal principal) {
        return contacts.changeConsent(id, new ConsentChange(channel(body.channel()), state(body.state()),
                body.how(), body.source(), Actors.name(principal), request.getRemoteAddr()));
    }

    @GetMapping
    List<ConsentEntry> log(@PathVariable long id) {
        return contacts.consentLog(id);
    }

    static Channel channel(String text) {
        try {
            return Channel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", e.getMessage());
        }
    }

    private static ConsentState state(String text) {
        try {
            return ConsentState.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", e.getMessage());
        }
    }
}
