package io.tidings.api;

import io.tidings.contacts.BlockedAddress;
import io.tidings.contacts.ContactsApi;
import io.tidings.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.Map;

/** Addresses that never receive marketing. Reading is open to every role; changes need admin or marketer. */
@RestController
@RequestMapping("/api/v1/blocklist")
class BlocklistController {

    record BlockRequest(String channel, String address, String reason) {
    }

    record BlocklistPage(List<BlockedAddress> items, String next) {
    }

    private final ContactsApi contacts;

    BlocklistController(ContactsApi contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    BlocklistPage list(@RequestParam(required = false) String channel, @RequestParam(required = false) String after,
                       @RequestParam(defaultValue = "100") int limit) {
        // one more row than the page says whether there is a next one; the facade serves up to 1,000
        int size = Math.clamp(limit, 1, 999);
        List<BlockedAddress> rows = contacts.blocklist(channel == null || channel.isBlank() ? null
                : ConsentController.channel(channel), after, size + 1);
        if (rows.size() <= size) {
            return new BlocklistPage(rows, null);
        }
        BlockedAddress last = rows.get(size - 1);
        return new BlocklistPage(List.copyOf(rows.subList(0, size)), last.channel().key() + ":" + last.address());
    }

    @GetMapping("/check")
    Map<String, Object> check(@RequestParam String channel, @RequestParam String address) {
        return Map.of("blocked", contacts.isBlocked(ConsentController.channel(channel), address));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BlockedAddress block(@RequestBody BlockRequest body, Principal principal) {
        return contacts.block(ConsentController.channel(body.channel()), body.address(), body.reason(),
                Actors.name(principal));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblock(@RequestParam String channel, @RequestParam String address) {
        if (!contacts.unblock(ConsentController.channel(channel), address)) {
            throw new NotFoundException(address + " is not on the " + channel + " blocklist");
        }
    }
}
